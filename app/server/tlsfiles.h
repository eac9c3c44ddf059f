#pragma once

#include "error.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

// The server's certificate and private key from PEM files, for `serve --tls-cert --tls-key`
// and `tls fingerprint`. Every error names the file it is about.
namespace tlsfiles {

// The first certificate in a PEM file (a chain's leaf comes first).
[[nodiscard]] stockline::Result<QSslCertificate> readCertificate(const QString& path);
// The TLS configuration to serve with: the certificate (and any chain after it in the file)
// and its unencrypted private key (RSA or EC), checked to belong together.
[[nodiscard]] stockline::Result<QSslConfiguration> serverConfiguration(const QString& certPath,
                                                                       const QString& keyPath);

} // namespace tlsfiles
