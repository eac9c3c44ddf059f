#pragma once

#include <QObject>
#include <QString>

namespace stockline {
class Catalog;
class SaleJournal;
} // namespace stockline

namespace stockline::sync {
class Client;
}

namespace stockline::qml {

class Notices;
class SyncStatus;
class Till;

// Joins the terminal's sync client to the till, all by signals (the network is never in the
// clerk's path): the client's state to the sync bar, levels to the cart, answers to the stock
// holds, refusals and shortages to the problems panel, and new outbox entries to the client at
// once. A sale the server refused for stock is sent again as an offline sale (see
// SaleJournal::resendOffline): the goods are gone, so it must land.
//
// Threading: the store's thread, like the client and the till.
class TillSync : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        sync::Client& client;
        Till& till;
        SaleJournal& journal;
        const Catalog& catalog;
        SyncStatus& status;
        Notices& notices;
    };

    TillSync(Services services, QString terminal, QObject* parent = nullptr);

    // Sales refused for stock, sent again as offline sales; also at start, for a refusal
    // recorded just before the till stopped.
    void resendRefusedSales();

private:
    void connectStatus();
    void connectTill();
    void refreshProblems();

    Services m_services;
    QString m_terminal;
};

} // namespace stockline::qml
