#include "measure.h"

#include "cartmodel.h"
#include "localstore.h"
#include "poscontext.h"
#include "staffsession.h"
#include "till.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QQuickWindow>
#include <QSqlQuery>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <cstdio>

namespace stockline::app {

namespace {

constexpr int linesPerSale = 20;

double msSince(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

QStringList randomBarcodes(const LocalStore& store, int count)
{
    QSqlQuery query = store.prepare(QStringLiteral(
        "SELECT barcode FROM products WHERE barcode <> '' AND active ORDER BY random() LIMIT ?"));
    query.addBindValue(count);
    QStringList codes;
    if (query.exec()) {
        while (query.next())
            codes.append(query.value(0).toString());
    }
    return codes;
}

// Drives the scans one at a time: keys, then the next frame, then the next scan.
class ScanRun : public QObject
{
public:
    ScanRun(QQuickWindow& window, qml::Till& till, QStringList codes)
        : m_window(window), m_till(till), m_codes(std::move(codes))
    {
        m_clock.start();
        connect(&window, &QQuickWindow::frameSwapped, this, &ScanRun::onFrame);
    }

    // Signs in on the sign-in screen with `pin` typed as keys, then scans.
    void start(const QString& pin)
    {
        qml::StaffSession& staff = *m_till.staff();
        if (staff.signedIn()) {
            next();
            return;
        }
        connect(&staff, &qml::StaffSession::signedInChanged, this,
                [this] { QTimer::singleShot(50, this, &ScanRun::next); });
        connect(&staff, &qml::StaffSession::errorStringChanged, this, [&staff] {
            if (staff.errorString().isEmpty())
                return;
            std::fprintf(stderr, "stockline: could not sign in: %s\n",
                         qPrintable(staff.errorString()));
            QCoreApplication::exit(1);
        });
        type(pin);
    }

    void next()
    {
        if (m_till.cart()->count() >= linesPerSale) {
            m_till.cancelSale(); // outside the timing; its frame comes first
            m_waiting = Waiting::Cleared;
            m_window.requestUpdate();
            return;
        }
        if (m_done >= m_codes.size()) {
            finish();
            return;
        }
        const int before = m_till.cart()->count();
        m_scan.start();
        type(m_codes.at(m_done));
        if (m_till.cart()->count() == before) {
            std::fprintf(stderr, "stockline: scan %s added no line\n",
                         qPrintable(m_codes.at(m_done)));
            QCoreApplication::exit(1);
            return;
        }
        m_waiting = Waiting::Line;
    }

private:
    enum class Waiting { Nothing, Line, Cleared };

    void onFrame()
    {
        const Waiting was = std::exchange(m_waiting, Waiting::Nothing);
        if (was == Waiting::Line) {
            m_samples.append(msSince(m_scan));
            ++m_done;
        }
        if (was != Waiting::Nothing)
            QTimer::singleShot(1, this, &ScanRun::next);
    }

    void key(QEvent::Type type, int key, const QString& text)
    {
        QKeyEvent event(type, key, Qt::NoModifier, text);
        event.setTimestamp(static_cast<quint64>(m_clock.elapsed()) + m_typed * 2);
        QGuiApplication::sendEvent(&m_window, &event);
    }

    void type(const QString& code)
    {
        for (const QChar c : code) {
            ++m_typed;
            key(QEvent::KeyPress, Qt::Key_0 + c.digitValue(), QString(c));
            key(QEvent::KeyRelease, Qt::Key_0 + c.digitValue(), QString(c));
        }
        ++m_typed;
        key(QEvent::KeyPress, Qt::Key_Return, QStringLiteral("\r"));
        key(QEvent::KeyRelease, Qt::Key_Return, QStringLiteral("\r"));
    }

    void finish()
    {
        std::sort(m_samples.begin(), m_samples.end());
        auto at = [this](double p) {
            const auto rank = static_cast<qsizetype>(p / 100.0 * double(m_samples.size()));
            return m_samples.at(std::clamp<qsizetype>(rank, 0, m_samples.size() - 1));
        };
        std::printf("stockline: scan to line on screen p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                    "(n=%lld), peak RSS %.1f MiB\n",
                    at(50), at(99), m_samples.last(), static_cast<long long>(m_samples.size()),
                    peakRssMiB());
        std::fflush(stdout);
        QCoreApplication::exit(0);
    }

    QQuickWindow& m_window;
    qml::Till& m_till;
    QStringList m_codes;
    QElapsedTimer m_clock;
    QElapsedTimer m_scan;
    qint64 m_typed = 0;
    qsizetype m_done = 0;
    Waiting m_waiting = Waiting::Nothing;
    QList<double> m_samples;
};

} // namespace

double peakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

void exitWhenDrawn(QQuickWindow& window, const QElapsedTimer& started)
{
    QObject::connect(
        &window, &QQuickWindow::frameSwapped, &window,
        [&started] {
            std::printf("stockline: sale screen ready in %lld ms, peak RSS %.1f MiB\n",
                        static_cast<long long>(started.elapsed()), peakRssMiB());
            std::fflush(stdout);
            QCoreApplication::exit(0);
        },
        Qt::SingleShotConnection);
}

void measureScans(QQuickWindow& window, qml::PosContext& context, int count)
{
    const QStringList codes = randomBarcodes(context.store(), count);
    if (codes.isEmpty()) {
        std::fprintf(stderr, "stockline: the catalog has no barcodes to scan\n");
        QCoreApplication::exit(1);
        return;
    }
    // The PIN of the first person on the staff list, from stdin (never the command line).
    const QString pin = QTextStream(stdin).readLine().trimmed();
    auto* run = new ScanRun(window, context.till(), codes);
    run->setParent(&window);
    QObject::connect(
        &window, &QQuickWindow::frameSwapped, run,
        [run, pin] { QTimer::singleShot(50, run, [run, pin] { run->start(pin); }); },
        Qt::SingleShotConnection);
}

} // namespace stockline::app
