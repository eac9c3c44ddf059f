#pragma once

#include <QString>
#include <QStringList>

namespace campaign {

// Each server node in a network namespace of its own, joined to this one by a veth pair, so
// that a partition drops real packets (issue 24). Per node n, in a 10.X.0.0/16 no interface here
// uses yet:
//   10.X.n.2  the node's side: it listens there;
//   10.X.n.1  this side, the terminals' address: they connect from it;
//   10.X.n.3  this side too, the database's address for the node (PostgreSQL listens on it).
// A cut is a blackhole route inside the node's namespace to one of this side's addresses: what
// the node sends there is dropped without a word, as with a pulled cable — connections hang
// until their own timeouts notice, nothing is refused — while its other side keeps working.
// Needs root (CAP_NET_ADMIN) and iproute2.
class NodeNetworks
{
public:
    enum class Side { Terminals, Database };

    NodeNetworks() = default;
    ~NodeNetworks();
    NodeNetworks(const NodeNetworks&) = delete;
    NodeNetworks& operator=(const NodeNetworks&) = delete;

    // One namespace per node; false with error() saying why.
    [[nodiscard]] bool create(int nodes);
    [[nodiscard]] QString error() const { return m_error; }

    // The command that starts a program inside node n's namespace.
    [[nodiscard]] QStringList launcher(int node) const;
    [[nodiscard]] QString nodeAddress(int node) const { return address(node, 2); }
    [[nodiscard]] QString databaseAddress(int node) const { return address(node, 3); }
    // 10.X.0.0/16: who may connect to the database from the namespaces.
    [[nodiscard]] QString subnet() const;

    [[nodiscard]] bool cut(int node, Side side);
    [[nodiscard]] bool heal(int node, Side side);

private:
    [[nodiscard]] bool ip(const QStringList& args, const QString& inNamespace = {});
    [[nodiscard]] QString address(int node, int host) const;
    [[nodiscard]] QStringList blackhole(int node, Side side) const;
    [[nodiscard]] static int freeSecondOctet();

    QStringList m_namespaces;
    int m_octet = 0;
    QString m_error;
};

} // namespace campaign
