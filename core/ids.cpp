#include "ids.h"

namespace stockline {

bool isValidId(QStringView id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                        (u >= u'0' && u <= u'9') || u == u'.' || u == u'_' || u == u':' ||
                        u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace stockline
