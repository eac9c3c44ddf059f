#include "nodenetworks.h"

#include <QCoreApplication>
#include <QProcess>

namespace campaign {

namespace {

QByteArray run(const QStringList& command, bool* ok)
{
    QProcess p;
    p.start(command.first(), command.mid(1));
    *ok = p.waitForFinished(10'000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return p.readAllStandardOutput() + p.readAllStandardError();
}

} // namespace

NodeNetworks::~NodeNetworks()
{
    // Deleting a namespace deletes its end of the veth pair, and with it this end.
    for (const QString& ns : std::as_const(m_namespaces)) {
        bool ok = false;
        run({QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("delete"), ns}, &ok);
    }
}

bool NodeNetworks::create(int nodes)
{
    m_octet = freeSecondOctet();
    if (m_octet == 0) {
        m_error = QStringLiteral("no free 10.X.0.0/16 for the nodes' namespaces");
        return false;
    }
    const QString pid = QString::number(QCoreApplication::applicationPid());
    for (int n = 0; n < nodes; ++n) {
        const QString ns = QStringLiteral("stockline-campaign-%1-%2").arg(pid).arg(n);
        const QString here = QStringLiteral("slh%1n%2").arg(pid).arg(n);
        const QString there = QStringLiteral("sln%1n%2").arg(pid).arg(n);
        const QString prefix = QStringLiteral("/24");
        if (!ip({QStringLiteral("netns"), QStringLiteral("add"), ns}))
            return false;
        m_namespaces.append(ns);
        if (!ip({QStringLiteral("link"), QStringLiteral("add"), here, QStringLiteral("type"),
                 QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"), there,
                 QStringLiteral("netns"), ns}) ||
            // The terminals' address first: it is the one this side connects from.
            !ip({QStringLiteral("addr"), QStringLiteral("add"), address(n, 1) + prefix,
                 QStringLiteral("dev"), here}) ||
            !ip({QStringLiteral("addr"), QStringLiteral("add"), address(n, 3) + prefix,
                 QStringLiteral("dev"), here}) ||
            !ip({QStringLiteral("link"), QStringLiteral("set"), here, QStringLiteral("up")}) ||
            !ip({QStringLiteral("addr"), QStringLiteral("add"), address(n, 2) + prefix,
                 QStringLiteral("dev"), there},
                ns) ||
            !ip({QStringLiteral("link"), QStringLiteral("set"), there, QStringLiteral("up")}, ns) ||
            !ip({QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
                 QStringLiteral("up")},
                ns))
            return false;
    }
    return true;
}

QStringList NodeNetworks::launcher(int node) const
{
    return {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("exec"),
            m_namespaces.value(node)};
}

QString NodeNetworks::subnet() const
{
    return QStringLiteral("10.%1.0.0/16").arg(m_octet);
}

bool NodeNetworks::cut(int node, Side side)
{
    return ip(QStringList{QStringLiteral("route"), QStringLiteral("add")} + blackhole(node, side),
              m_namespaces.value(node));
}

bool NodeNetworks::heal(int node, Side side)
{
    return ip(QStringList{QStringLiteral("route"), QStringLiteral("del")} + blackhole(node, side),
              m_namespaces.value(node));
}

bool NodeNetworks::ip(const QStringList& args, const QString& inNamespace)
{
    QStringList command{QStringLiteral("ip")};
    if (!inNamespace.isEmpty())
        command << QStringLiteral("-n") << inNamespace;
    command += args;
    bool ok = false;
    const QByteArray said = run(command, &ok);
    if (!ok)
        m_error = command.join(u' ') + QStringLiteral(": ") + QString::fromUtf8(said.trimmed());
    return ok;
}

QString NodeNetworks::address(int node, int host) const
{
    return QStringLiteral("10.%1.%2.%3").arg(m_octet).arg(node).arg(host);
}

QStringList NodeNetworks::blackhole(int node, Side side) const
{
    return {QStringLiteral("blackhole"),
            address(node, side == Side::Terminals ? 1 : 3) + QStringLiteral("/32")};
}

// 10.X.0.0/16 with X from the process id, the next one no address or route here uses: two
// campaigns at once (ctest -j) never share one.
int NodeNetworks::freeSecondOctet()
{
    bool ok = false;
    const QByteArray used = run({QStringLiteral("ip"), QStringLiteral("-o"), QStringLiteral("-4"),
                                 QStringLiteral("addr"), QStringLiteral("show")},
                                &ok) +
                            run({QStringLiteral("ip"), QStringLiteral("-4"),
                                 QStringLiteral("route"), QStringLiteral("show")},
                                &ok);
    const int start = static_cast<int>(QCoreApplication::applicationPid() % 150);
    for (int i = 0; i < 150; ++i) {
        const int octet = 100 + (start + i) % 150;
        if (!used.contains("10." + QByteArray::number(octet) + '.'))
            return octet;
    }
    return 0;
}

} // namespace campaign
