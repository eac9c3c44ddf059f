#include "isotime.h"

namespace stockline {

namespace {

char16_t* putDigits(char16_t* out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char16_t>(u'0' + value % 10);
        value /= 10;
    }
    return out + width;
}

} // namespace

QString isoUtc(const QDateTime& at)
{
    const QDateTime utc = at.timeSpec() == Qt::UTC ? at : at.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    if (!date.isValid() || date.year() < 0 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    QString text(24, Qt::Uninitialized);
    char16_t* p = reinterpret_cast<char16_t*>(text.data());
    p = putDigits(p, date.year(), 4);
    *p++ = u'-';
    p = putDigits(p, date.month(), 2);
    *p++ = u'-';
    p = putDigits(p, date.day(), 2);
    *p++ = u'T';
    p = putDigits(p, time.hour(), 2);
    *p++ = u':';
    p = putDigits(p, time.minute(), 2);
    *p++ = u':';
    p = putDigits(p, time.second(), 2);
    *p++ = u'.';
    p = putDigits(p, time.msec(), 3);
    *p = u'Z';
    return text;
}

} // namespace stockline
