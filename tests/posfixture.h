#pragma once

// A till over a fresh store loaded with the sample store, for the view-model and QML tests.

#include "approvals.h"
#include "barcode.h"
#include "cashdrawer.h"
#include "poscontext.h"
#include "staffmodel.h"
#include "staffsession.h"

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

// The sample store's people (resources/sample-store/staff.csv).
inline const QString cashier = QStringLiteral("Alex");
inline const QString cashierPin = QStringLiteral("1234");
inline const QString manager = QStringLiteral("Morgan");
inline const QString managerPin = QStringLiteral("2468");

// Signs a person in through the till's staff session, as the sign-in screen does, and waits
// for the PIN check (it runs on a worker thread).
[[nodiscard]] inline bool signIn(qml::PosContext& context, const QString& name = cashier,
                                 const QString& pin = cashierPin)
{
    qml::StaffSession& staff = context.staff();
    if (!QTest::qWaitFor([&] { return staff.people()->count() > 0; }, 10'000))
        return false;
    return staff.signIn(name, pin) &&
           QTest::qWaitFor([&] { return !staff.busy() && staff.signedIn(); }, 10'000) &&
           staff.name() == name;
}

// A manager's PIN typed into the approval prompt; waits until the approved action is done.
[[nodiscard]] inline bool approve(qml::PosContext& context, const QString& pin = managerPin)
{
    qml::Approvals& approvals = context.approvals();
    return approvals.pending() && approvals.approve(QString(), pin) &&
           QTest::qWaitFor([&] { return !approvals.busy() && !approvals.pending(); }, 10'000);
}

// A till with the sample store, a cashier signed in.
class PosFixture
{
public:
    [[nodiscard]] bool open(const QString& printer = {}) { return open(printer, {}); }

    // A receiving dock (DOCK-01, DockMain.qml) on the sample store, a clerk signed in.
    [[nodiscard]] bool openDock(int overTolerancePercent = 0)
    {
        qml::PosOptions dock;
        dock.terminal = QStringLiteral("DOCK-01");
        dock.mode = TerminalConfig::Mode::Receiving;
        dock.overTolerancePercent = overTolerancePercent;
        return open({}, dock);
    }

    [[nodiscard]] bool open(const QString& printer, const qml::PosOptions& base)
    {
        if (!m_dir.isValid())
            return false;
        m_base = base;
        qml::PosOptions options = base;
        options.storePath = m_dir.filePath(QStringLiteral("till.db"));
        options.importFolder = QStringLiteral(STOCKLINE_SOURCE_DIR "/resources/sample-store");
        options.location = QStringLiteral("store-1");
        options.storeName = QStringLiteral("Test Store");
        options.printer = printer;
        options.receiptFolder = m_dir.filePath(QStringLiteral("receipts"));
        auto context = qml::PosContext::open(options);
        if (!context) {
            qWarning() << context.error().toString();
            return false;
        }
        m_context = std::move(context).value();
        return signIn(*m_context);
    }

    // Closes the till and opens it again on the same store file: a restart.
    [[nodiscard]] bool reopen()
    {
        m_context.reset();
        return open({}, m_base);
    }

    // A till takes payments and pays refunds from an open drawer.
    [[nodiscard]] bool openDrawer(const QString& typedFloat = QStringLiteral("100.00"))
    {
        return m_context->drawer().openDrawer(typedFloat);
    }

    [[nodiscard]] qml::PosContext& context() { return *m_context; }
    [[nodiscard]] QString path(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    qml::PosOptions m_base; // what open() was given, for reopen()
    std::unique_ptr<qml::PosContext> m_context;
};

} // namespace stockline::fixtures
