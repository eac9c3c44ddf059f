#pragma once

// A till over a fresh store loaded with the sample store, for the view-model and QML tests.

#include "barcode.h"
#include "cashdrawer.h"
#include "poscontext.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace stockline::fixtures {

// Products of resources/sample-store used by the tests.
inline const QString milkBarcode = QStringLiteral("5051866038503");  // DAI-0001 4.49, 0 %
inline const QString colaBarcode = QStringLiteral("696894892502");   // BEV-0001 5.29, 8.25 %
inline const QString bananaLookup = QStringLiteral("2601001000006"); // PRD-0001 4.29/kg
inline const QString loafLookup = QStringLiteral("2101001000001");   // BAK-0001, price on label

// A scale's label: the lookup code with a price in cents or a weight in grams.
inline QString embedded(const QString& lookupCode, int value)
{
    return Barcode::withCheckDigit(lookupCode.left(7) +
                                   QStringLiteral("%1").arg(value, 5, 10, QLatin1Char('0')));
}

class PosFixture
{
public:
    [[nodiscard]] bool open(const QString& printer = {})
    {
        if (!m_dir.isValid())
            return false;
        ui::PosOptions options;
        options.storePath = m_dir.filePath(QStringLiteral("till.db"));
        options.importFolder = QStringLiteral(STOCKLINE_SOURCE_DIR "/resources/sample-store");
        options.location = QStringLiteral("store-1");
        options.storeName = QStringLiteral("Test Store");
        options.printer = printer;
        options.receiptFolder = m_dir.filePath(QStringLiteral("receipts"));
        auto context = ui::PosContext::open(options);
        if (!context) {
            qWarning() << context.error().toString();
            return false;
        }
        m_context = std::move(context).value();
        return true;
    }

    // Closes the till and opens it again on the same store file: a restart.
    [[nodiscard]] bool reopen()
    {
        m_context.reset();
        return open();
    }

    // A till takes payments and pays refunds from an open drawer.
    [[nodiscard]] bool openDrawer(const QString& typedFloat = QStringLiteral("100.00"))
    {
        return m_context->drawer().openDrawer(typedFloat);
    }

    [[nodiscard]] ui::PosContext& context() { return *m_context; }
    [[nodiscard]] QString path(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ui::PosContext> m_context;
};

} // namespace stockline::fixtures
