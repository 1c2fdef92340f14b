// TLS identity for --tls: a self-signed EC P-256 certificate made at start, or PEM files from --cert/--key.
#pragma once

#include <string>

#include "result.h"

namespace gbc {

struct TlsIdentity {
    std::string certPem;
    std::string keyPem;
};

// Self-signed, valid from one day ago for 30 days, CN=gbc-sim, SAN DNS:localhost, IP:127.0.0.1, IP:::1.
Result<TlsIdentity> generateSelfSigned();

// Reads both files and checks that they parse and that the key belongs to the certificate.
Result<TlsIdentity> loadTlsIdentity(const std::string& certFile, const std::string& keyFile);

} // namespace gbc
