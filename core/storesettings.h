#pragma once

#include "cashsession.h"
#include "currency.h"
#include "error.h"
#include "receipt.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace stockline {

class LocalStore;

// One store's settings (sync/PROTOCOL.md, "Store settings"): its currency, whether shelf prices
// include tax and where tax is rounded, the cash rounding and the drawer's denominations. Kept
// by the server, sent to every terminal in the welcome, cached in the terminal's store so an
// offline start has them.
//
// Wire form: {"currency":"CHF","minorDigits":2,"pricesIncludeTax":true,"taxRounding":"line",
// "cashRounding":5,"denominations":[100000,20000,…]} (amounts in minor units). A missing
// field is the default: USD, 2, false, "line", and the currency's own cash rounding and
// denominations (5 Rappen and Swiss notes and coins for CHF, 1 and US ones for USD).
struct StoreSettings
{
    Currency currency;
    TaxRule tax;
    qint64 cashRounding = 1; // cash totals are rounded to a multiple of this, in minor units
    QList<qint64> denominations = defaultDenominations(QStringLiteral("USD"));

    static constexpr qsizetype maxDenominations = 30;

    [[nodiscard]] static QList<qint64> defaultDenominations(const QString& isoCode);
    [[nodiscard]] static qint64 defaultCashRounding(const QString& isoCode);

    [[nodiscard]] QJsonObject toJson() const;
    // Checks every field: an error names the first wrong one and nothing is taken.
    [[nodiscard]] static Result<StoreSettings> fromJson(const QJsonObject& object);
    // The setup file (store.conf): `key = value` lines, '#' comments, amounts in major units:
    //   currency = CHF
    //   minorDigits = 2
    //   pricesIncludeTax = true
    //   taxRounding = receipt
    //   cashRounding = 0.05
    //   denominations = 1000 200 100 50 20 10 5 2 1 0.50 0.20 0.10 0.05
    [[nodiscard]] static Result<StoreSettings> fromConf(const QString& text);
    // The setup file that reads back as these settings.
    [[nodiscard]] QString toConf() const;

    // The drawer's notes and coins, largest first; a coin is worth less than the currency's
    // smallest note.
    [[nodiscard]] QList<Denomination> drawerDenominations() const;
    // `total` rounded half-up to cashRounding: what a customer paying cash pays.
    [[nodiscard]] Money cashTotal(Money total) const;

    // The terminal's cache (its `settings` table): defaults when none was ever received.
    [[nodiscard]] static Result<StoreSettings> load(const LocalStore& store);
    [[nodiscard]] Status save(const LocalStore& store) const;

    friend bool operator==(const StoreSettings&, const StoreSettings&) = default;
};

} // namespace stockline
