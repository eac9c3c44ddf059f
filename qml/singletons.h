#pragma once

// The services main() builds, handed to QML as singletons: each create() returns the one
// instance injected before Main.qml loads, owned by C++, so the classes themselves carry no
// QML registration and are built and tested like any other object.

#include "backofficeview.h"
#include "cashdrawer.h"
#include "dock.h"
#include "enrolment.h"
#include "notices.h"
#include "stockviews.h"
#include "syncstatus.h"
#include "till.h"

#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

namespace stockline::qml {

template <typename T> T* injected(T* instance)
{
    Q_ASSERT_X(instance, "singletons", "set the instance before loading QML");
    QQmlEngine::setObjectOwnership(instance, QQmlEngine::CppOwnership);
    return instance;
}

// Qt 6.4 gives qmllint no type for QAbstractItemModel, so it cannot tell that a ReportModel is
// a QObject (a Connections target): declared here, without a name to create it by.
struct AbstractItemModelForeign
{
    Q_GADGET
    QML_FOREIGN(QAbstractItemModel)
    QML_ANONYMOUS
};

struct TillForeign
{
    Q_GADGET
    QML_FOREIGN(stockline::qml::Till)
    QML_NAMED_ELEMENT(Till)
    QML_SINGLETON

public:
    static Till* create(QQmlEngine*, QJSEngine*) { return injected(instance); }
    static inline Till* instance = nullptr;
};

struct NoticesForeign
{
    Q_GADGET
    QML_FOREIGN(stockline::qml::Notices)
    QML_NAMED_ELEMENT(Notices)
    QML_SINGLETON

public:
    static Notices* create(QQmlEngine*, QJSEngine*) { return injected(instance); }
    static inline Notices* instance = nullptr;
};

struct SyncForeign
{
    Q_GADGET
    QML_FOREIGN(stockline::qml::SyncStatus)
    QML_NAMED_ELEMENT(Sync)
    QML_SINGLETON

public:
    static SyncStatus* create(QQmlEngine*, QJSEngine*) { return injected(instance); }
    static inline SyncStatus* instance = nullptr;
};

struct CashDrawerForeign
{
    Q_GADGET
    QML_FOREIGN(stockline::qml::CashDrawer)
    QML_NAMED_ELEMENT(CashDrawer)
    QML_SINGLETON

public:
    static CashDrawer* create(QQmlEngine*, QJSEngine*) { return injected(instance); }
    static inline CashDrawer* instance = nullptr;
};

struct DockForeign
{
    Q_GADGET
    QML_FOREIGN(stockline::qml::Dock)
    QML_NAMED_ELEMENT(Dock)
    QML_SINGLETON

public:
    static Dock* create(QQmlEngine*, QJSEngine*) { return injected(instance); }
    static inline Dock* instance = nullptr;
};

struct EnrolmentForeign
{
    Q_GADGET
    QML_FOREIGN(stockline::qml::Enrolment)
    QML_NAMED_ELEMENT(Enrolment)
    QML_SINGLETON

public:
    static Enrolment* create(QQmlEngine*, QJSEngine*) { return injected(instance); }
    static inline Enrolment* instance = nullptr;
};

struct StockForeign
{
    Q_GADGET
    QML_FOREIGN(stockline::qml::StockViews)
    QML_NAMED_ELEMENT(Stock)
    QML_SINGLETON

public:
    static StockViews* create(QQmlEngine*, QJSEngine*) { return injected(instance); }
    static inline StockViews* instance = nullptr;
};

// The back office as QML's `Office` (BackOffice is its screen, BackOffice.qml).
struct OfficeForeign
{
    Q_GADGET
    QML_FOREIGN(stockline::qml::BackOfficeView)
    QML_NAMED_ELEMENT(Office)
    QML_SINGLETON

public:
    static BackOfficeView* create(QQmlEngine*, QJSEngine*) { return injected(instance); }
    static inline BackOfficeView* instance = nullptr;
};

} // namespace stockline::qml
