#pragma once

#include "localstore.h"
#include "outbox.h"

#include <QTemporaryDir>
#include <QtDebug>
#include <memory>

// A fresh terminal store and its outbox for each test function, in a folder that lives as long
// as the test object: a test class derives from it, opens in init() and closes in cleanup().
class OutboxFixture
{
protected:
    [[nodiscard]] bool openStore()
    {
        if (!m_dir.isValid()) {
            qWarning() << "no temporary folder:" << m_dir.errorString();
            return false;
        }
        auto opened =
            stockline::LocalStore::open(m_dir.filePath(QStringLiteral("%1.db").arg(++m_files)));
        if (!opened) {
            qWarning().noquote() << opened.error().toString();
            return false;
        }
        m_store = std::move(opened).value();
        m_outbox = std::make_unique<stockline::Outbox>(*m_store);
        return true;
    }
    // The outbox before its store, the store before its folder.
    void closeStore()
    {
        m_outbox.reset();
        m_store.reset();
    }

    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<stockline::LocalStore> m_store;
    std::unique_ptr<stockline::Outbox> m_outbox;
};
