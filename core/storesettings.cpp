#include "storesettings.h"

#include "checks.h"
#include "fieldreader.h"
#include "localstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringList>
#include <algorithm>

namespace stockline {

using namespace Qt::StringLiterals;

namespace {

constexpr auto settingKey = "store"_L1;

struct Shipped
{
    const char* isoCode;
    qint64 smallestNote;
    qint64 cashRounding;
    std::initializer_list<qint64> denominations;
};

// Notes and coins in circulation, in minor units, largest first.
const std::array<Shipped, 5>& shipped()
{
    static const std::array<Shipped, 5> table{{
        {"USD", 100, 1, {10000, 5000, 2000, 1000, 500, 100, 25, 10, 5, 1}},
        {"EUR", 500, 1, {20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1}},
        {"GBP", 500, 1, {5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1}},
        {"JPY", 1000, 1, {10000, 5000, 1000, 500, 100, 50, 10, 5, 1}},
        {"CHF", 1000, 5, {100000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5}},
    }};
    return table;
}

const Shipped* shippedFor(const QString& isoCode)
{
    for (const Shipped& s : shipped()) {
        if (isoCode == QLatin1StringView(s.isoCode))
            return &s;
    }
    return nullptr;
}

QString taxRoundingName(TaxRounding rounding)
{
    return rounding == TaxRounding::Receipt ? u"receipt"_s : u"line"_s;
}

// Checks that need the whole object: every denomination a multiple of the cash rounding is not
// required (a drawer may hold 1-cent coins it no longer gives out), but they must differ.
Status checkSettings(const StoreSettings& s)
{
    QList<qint64> sorted = s.denominations;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
        return Error{u"denominations"_s, u"lists a value twice"_s};
    if (s.cashRounding > s.currency.minorPerMajor() * 100)
        return Error{u"cashRounding"_s, u"is more than 100 major units"_s};
    return success();
}

} // namespace

QList<qint64> StoreSettings::defaultDenominations(const QString& isoCode)
{
    if (const Shipped* s = shippedFor(isoCode))
        return QList<qint64>(s->denominations);
    // Another currency: 1-2-5 steps from one minor unit; the store's settings should list its
    // real notes and coins.
    QList<qint64> steps;
    for (qint64 decade = 1; decade <= 100'000; decade *= 10)
        steps << decade * 5 << decade * 2 << decade;
    std::sort(steps.begin(), steps.end(), std::greater<>());
    return steps;
}

qint64 StoreSettings::defaultCashRounding(const QString& isoCode)
{
    const Shipped* s = shippedFor(isoCode);
    return s ? s->cashRounding : 1;
}

QJsonObject StoreSettings::toJson() const
{
    QJsonArray values;
    for (const qint64 d : denominations)
        values.append(d);
    return {{u"currency"_s, currency.isoCode()},
            {u"minorDigits"_s, currency.minorDigits()},
            {u"pricesIncludeTax"_s, tax.pricesIncludeTax},
            {u"taxRounding"_s, taxRoundingName(tax.rounding)},
            {u"cashRounding"_s, cashRounding},
            {u"denominations"_s, values}};
}

Result<StoreSettings> StoreSettings::fromJson(const QJsonObject& object)
{
    FieldReader r(object);
    StoreSettings s;
    const QString iso = r.has("currency"_L1) ? r.string("currency"_L1) : u"USD"_s;
    static const QRegularExpression isoCode(u"^[A-Z]{3}$"_s);
    if (r.ok() && !isoCode.match(iso).hasMatch())
        r.fail("currency"_L1, u"must be an ISO 4217 code of three capital letters, like EUR"_s);
    const qint64 digits = r.optionalInteger("minorDigits"_L1, 2, 0, 3);
    if (r.ok() && digits == 1)
        r.fail("minorDigits"_L1, u"must be 0, 2 or 3"_s);
    s.currency = Currency(iso, static_cast<int>(digits));
    s.tax.pricesIncludeTax = r.optionalBoolean("pricesIncludeTax"_L1);
    const QString rounding = r.has("taxRounding"_L1) ? r.string("taxRounding"_L1) : u"line"_s;
    if (r.ok() && rounding != "line"_L1 && rounding != "receipt"_L1)
        r.fail("taxRounding"_L1, u"must be \"line\" or \"receipt\""_s);
    s.tax.rounding = rounding == "receipt"_L1 ? TaxRounding::Receipt : TaxRounding::Line;
    s.cashRounding = r.optionalInteger("cashRounding"_L1, defaultCashRounding(iso), 1, 1'000'000);
    s.denominations.clear();
    const QJsonArray values = r.optionalArray("denominations"_L1);
    if (r.ok() && values.size() > maxDenominations)
        r.fail("denominations"_L1, u"has more than %1 values"_s.arg(maxDenominations));
    for (qsizetype i = 0; i < values.size() && r.ok(); ++i) {
        const qint64 v = values.at(i).toInteger(-1);
        if (v < 1 || v > maxMoneyMinor)
            r.fail("denominations"_L1, u"must be whole numbers of minor units above 0"_s, i);
        s.denominations.append(v);
    }
    if (!r.ok())
        return r.error();
    if (s.denominations.isEmpty())
        s.denominations = defaultDenominations(iso);
    std::sort(s.denominations.begin(), s.denominations.end(), std::greater<>());
    if (const Status checked = checkSettings(s); !checked)
        return checked.error();
    return s;
}

Result<StoreSettings> StoreSettings::fromConf(const QString& text)
{
    QJsonObject object;
    QStringList denominations;
    QString cashRounding;
    const QStringList lines = text.split(u'\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).section(u'#', 0, 0).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype eq = line.indexOf(u'=');
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        const auto where = [n](const QString& problem) {
            return Error{u"line %1"_s.arg(n + 1), problem};
        };
        if (eq < 0 || key.isEmpty())
            return where(u"is not `key = value`"_s);
        if (key == "currency"_L1 || key == "taxRounding"_L1)
            object.insert(key, value);
        else if (key == "minorDigits"_L1 && value.toInt() == 0 && value != "0"_L1)
            return where(u"minorDigits must be 0, 2 or 3"_s);
        else if (key == "minorDigits"_L1)
            object.insert(key, value.toInt());
        else if (key == "pricesIncludeTax"_L1 && value != "true"_L1 && value != "false"_L1)
            return where(u"pricesIncludeTax must be true or false"_s);
        else if (key == "pricesIncludeTax"_L1)
            object.insert(key, value == "true"_L1);
        else if (key == "cashRounding"_L1)
            cashRounding = value;
        else if (key == "denominations"_L1)
            denominations = value.split(u' ', Qt::SkipEmptyParts);
        else
            return where(u"`%1` is not a store setting (currency, minorDigits, pricesIncludeTax "
                         "true/false, taxRounding, cashRounding, denominations)"_s.arg(key));
    }
    // Amounts are in major units, so they are read once the currency's digits are known.
    const Result<StoreSettings> head = fromJson(object);
    if (!head)
        return head;
    const int digits = head->currency.minorDigits();
    if (!cashRounding.isEmpty()) {
        const Result<Money> step = Money::parse(cashRounding, digits);
        if (!step || step->minor() < 1)
            return Error{u"cashRounding"_s, u"'%1' is not an amount above 0 with at most %2 "
                                            "decimals"_s.arg(cashRounding)
                                                .arg(digits)};
        object.insert(u"cashRounding"_s, step->minor());
    }
    QJsonArray values;
    for (const QString& d : std::as_const(denominations)) {
        const Result<Money> value = Money::parse(d, digits);
        if (!value || value->minor() < 1)
            return Error{u"denominations"_s, u"'%1' is not an amount above 0 with at most %2 "
                                             "decimals"_s.arg(d)
                                                 .arg(digits)};
        values.append(value->minor());
    }
    if (!values.isEmpty())
        object.insert(u"denominations"_s, values);
    return fromJson(object);
}

QString StoreSettings::toConf() const
{
    QStringList values;
    for (const qint64 d : denominations)
        values << Money::fromMinor(d).toString(currency.minorDigits());
    return u"currency = %1\nminorDigits = %2\npricesIncludeTax = %3\ntaxRounding = %4\n"
           "cashRounding = %5\ndenominations = %6\n"_s.arg(
               currency.isoCode(), QString::number(currency.minorDigits()),
               tax.pricesIncludeTax ? u"true"_s : u"false"_s, taxRoundingName(tax.rounding),
               Money::fromMinor(cashRounding).toString(currency.minorDigits()), values.join(u' '));
}

QList<Denomination> StoreSettings::drawerDenominations() const
{
    const Shipped* s = shippedFor(currency.isoCode());
    // A currency not shipped: what is worth less than five major units counts as a coin.
    const qint64 smallestNote = s ? s->smallestNote : currency.minorPerMajor() * 5;
    QList<Denomination> drawer;
    for (const qint64 d : denominations)
        drawer.append(Denomination{Money::fromMinor(d), d < smallestNote});
    return drawer;
}

Money StoreSettings::cashTotal(Money total) const
{
    return roundedToStep(total, cashRounding);
}

Result<StoreSettings> StoreSettings::load(const LocalStore& store)
{
    QSqlQuery query = store.prepare(u"SELECT value FROM settings WHERE key = ?"_s);
    query.addBindValue(QString(settingKey));
    if (!query.exec())
        return LocalStore::sqlError(query, u"read the store settings"_s);
    if (!query.next())
        return StoreSettings();
    return fromJson(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
}

Status StoreSettings::save(const LocalStore& store) const
{
    QSqlQuery query = store.prepare(u"INSERT INTO settings (key, value) VALUES (?, ?)"
                                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(QString(settingKey));
    query.addBindValue(QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return LocalStore::sqlError(query, u"keep the store settings"_s);
    return success();
}

} // namespace stockline
