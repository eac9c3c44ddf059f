#pragma once

namespace stockline {
class Catalog;
class DeliveryBook;
class DockJournal;
class StockReplica;
} // namespace stockline

namespace stockline::qml {
class Approvals;
class DockAnswers;
class Notices;
class StaffSession;
} // namespace stockline::qml

namespace stockline::qml::dock {

// What the dock's screens work with: the catalog and stock replicas, the expected deliveries,
// the journal that books work with its outbox entry, who is signed in, manager approval, the
// one place problems go, and the server's answers.
// Named Services like every injected-dependencies struct; it stands alone, not nested in Dock,
// because the four classes Dock owns take it and must not include dock.h.
struct Services
{
    const Catalog& catalog;
    const StockReplica& replica;
    const DeliveryBook& deliveries;
    DockJournal& journal;
    StaffSession& staff;
    Approvals& approvals;
    Notices& notices;
    DockAnswers& answers;
};

} // namespace stockline::qml::dock
