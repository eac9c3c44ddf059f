#pragma once

#include "cashsession.h"
#include "dayview.h"
#include "denominationmodel.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace stockline::print {
class ReceiptPrinter;
}

namespace stockline::qml {

class Notices;

// The till's cash drawer on screen, over core::CashSession: open it with a float, pay cash in
// and out, print an X report at any time and close it with the counted notes and coins, which
// gives the Z report. The last report is shown, printed on the receipt printer and saved as a
// PDF. Bad input is reported through Notices and changes nothing.
//
// Threading: the store's thread (the GUI thread), like the session it uses.
class CashDrawer : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool open READ isOpen NOTIFY sessionChanged)
    Q_PROPERTY(QString openedBy READ openedBy NOTIFY sessionChanged)
    Q_PROPERTY(QString openedAtText READ openedAtText NOTIFY sessionChanged)
    Q_PROPERTY(QString openingFloatText READ openingFloatText NOTIFY sessionChanged)
    // Who is at the till: recorded as who opened, paid in or out and closed.
    Q_PROPERTY(QString staff READ staff WRITE setStaff NOTIFY staffChanged)
    Q_PROPERTY(stockline::qml::DenominationModel* denominations READ denominations CONSTANT)
    // The store's whole day from the server (a manager's terminal).
    Q_PROPERTY(stockline::qml::DayView* day READ day CONSTANT)
    Q_PROPERTY(bool printerConfigured READ printerConfigured CONSTANT)
    Q_PROPERTY(bool hasReport READ hasReport NOTIFY reportChanged)
    Q_PROPERTY(bool reportIsZ READ reportIsZ NOTIFY reportChanged)
    Q_PROPERTY(QString reportTitle READ reportTitle NOTIFY reportChanged)
    Q_PROPERTY(QString reportText READ reportText NOTIFY reportChanged)
    Q_PROPERTY(QStringList reportLines READ reportLines NOTIFY reportChanged)
    // A Z report's outcome, for the clerk to see at once; empty for an X.
    Q_PROPERTY(QString expectedText READ expectedText NOTIFY reportChanged)
    Q_PROPERTY(QString countedText READ countedText NOTIFY reportChanged)
    Q_PROPERTY(QString overShortText READ overShortText NOTIFY reportChanged)
    Q_PROPERTY(bool balanced READ balanced NOTIFY reportChanged)

public:
    struct Services
    {
        CashSession& session;
        print::ReceiptPrinter& printer;
        Notices& notices;
    };

    // `reportFolder`: where PDF reports go (the till's receipt folder).
    CashDrawer(Services services, QString reportFolder, QObject* parent = nullptr);

    // A float as the clerk typed it ("150", "150.00").
    Q_INVOKABLE bool openDrawer(const QString& typedFloat);
    Q_INVOKABLE bool payIn(const QString& typedAmount, const QString& reason);
    Q_INVOKABLE bool payOut(const QString& typedAmount, const QString& reason);
    // The open session so far: it becomes the report shown.
    Q_INVOKABLE bool makeXReport();
    // Closes the session with the counts of denominations(): the Z report is shown and printed,
    // and the count is cleared for the next close.
    Q_INVOKABLE bool closeDrawer();
    // The last report's session read again from the store (its Z once closed) and printed.
    Q_INVOKABLE bool reprintLast();
    Q_INVOKABLE void printReport();
    // Saves the report shown as a PDF in the report folder; returns its path, or "".
    Q_INVOKABLE QString saveReportPdf();

    [[nodiscard]] bool isOpen() const { return m_current.has_value(); }
    [[nodiscard]] QString openedBy() const;
    [[nodiscard]] QString openedAtText() const;
    [[nodiscard]] QString openingFloatText() const;
    [[nodiscard]] QString staff() const { return m_staff; }
    void setStaff(const QString& staff);
    [[nodiscard]] DenominationModel* denominations() const { return m_denominations; }
    [[nodiscard]] DayView* day() const { return m_day; }
    [[nodiscard]] bool printerConfigured() const;
    [[nodiscard]] bool hasReport() const { return m_report.has_value(); }
    [[nodiscard]] bool reportIsZ() const;
    [[nodiscard]] QString reportTitle() const;
    [[nodiscard]] QString reportText() const;
    [[nodiscard]] QStringList reportLines() const;
    [[nodiscard]] QString expectedText() const;
    [[nodiscard]] QString countedText() const;
    // "Over $0.25", "Short $0.10" or "Exact".
    [[nodiscard]] QString overShortText() const;
    // A Z report counted exactly what was expected.
    [[nodiscard]] bool balanced() const;
    [[nodiscard]] const std::optional<CashReport>& lastReport() const { return m_report; }

Q_SIGNALS:
    void sessionChanged();
    void staffChanged();
    void reportChanged();

private:
    bool move(CashMovement::Kind kind, const QString& typedAmount, const QString& reason);
    // Reads the open session again; reports a store that cannot be read.
    void refresh();
    void show(CashReport report);
    void kickDrawer();
    [[nodiscard]] bool checkStaff();
    bool report(const QString& message);

    Services m_services;
    QString m_reportFolder;
    QString m_staff;
    DenominationModel* m_denominations;
    DayView* m_day;
    std::optional<CashSessionInfo> m_current;
    std::optional<CashReport> m_report;
};

} // namespace stockline::qml
