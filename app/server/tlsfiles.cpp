#include "tlsfiles.h"

#include <QFile>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

using stockline::Error;
using stockline::Result;

namespace tlsfiles {

namespace {

Result<QByteArray> readFile(const QString& path, const char* option)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QLatin1String(option),
                     QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    return file.readAll();
}

Result<QList<QSslCertificate>> readChain(const QString& path)
{
    const Result<QByteArray> pem = readFile(path, "--tls-cert");
    if (!pem)
        return pem.error();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*pem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return Error{
            QStringLiteral("--tls-cert"),
            QStringLiteral("%1 holds no PEM certificate (-----BEGIN CERTIFICATE-----)").arg(path)};
    return chain;
}

Result<QSslKey> readKey(const QString& path)
{
    const Result<QByteArray> pem = readFile(path, "--tls-key");
    if (!pem)
        return pem.error();
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        const QSslKey key(*pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return Error{QStringLiteral("--tls-key"),
                 QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(path)};
}

// Takes the first connection's descriptor without wrapping it in a socket.
class OneConnection : public QTcpServer
{
public:
    qintptr descriptor = -1;

protected:
    void incomingConnection(qintptr handle) override { descriptor = handle; }
};

// OpenSSL checks that the key belongs to the certificate when a TLS server starts on a
// connection: start one on a loopback connection to ourselves and see.
QString keyMismatch(const QSslConfiguration& configuration)
{
    OneConnection listener;
    if (!listener.listen(QHostAddress::LocalHost, 0))
        return {};
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, listener.serverPort());
    if (!listener.waitForNewConnection(5'000) || listener.descriptor < 0)
        return {};
    QSslSocket server;
    server.setSslConfiguration(configuration);
    if (!server.setSocketDescriptor(listener.descriptor))
        return {};
    QString problem;
    QObject::connect(&server, &QSslSocket::errorOccurred, &server, [&] {
        if (problem.isEmpty())
            problem = server.errorString();
    });
    server.startServerEncryption();
    server.abort();
    return problem;
}

} // namespace

Result<QSslCertificate> readCertificate(const QString& path)
{
    const Result<QList<QSslCertificate>> chain = readChain(path);
    if (!chain)
        return chain.error();
    return chain->first();
}

Result<QSslConfiguration> serverConfiguration(const QString& certPath, const QString& keyPath)
{
    if (!QSslSocket::supportsSsl())
        return Error{QStringLiteral("--tls-cert"),
                     QStringLiteral("this system's Qt has no TLS support (OpenSSL 3 missing?)")};
    const Result<QList<QSslCertificate>> chain = readChain(certPath);
    if (!chain)
        return chain.error();
    const Result<QSslKey> key = readKey(keyPath);
    if (!key)
        return key.error();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(*chain);
    configuration.setPrivateKey(*key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // terminals have no certificates
    if (const QString problem = keyMismatch(configuration); !problem.isEmpty())
        return Error{QStringLiteral("--tls-key"),
                     QStringLiteral("the key in %1 does not belong to the certificate in %2 (%3)")
                         .arg(keyPath, certPath, problem)};
    return configuration;
}

} // namespace tlsfiles
