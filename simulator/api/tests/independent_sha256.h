// SHA-256 hex computed with OpenSSL directly, independent of the module's webhook signing code (for tests).
#pragma once

#include <openssl/evp.h>

#include <cstdio>
#include <string>

namespace gbc::testing {

inline std::string independentSha256(const std::string& text)
{
    unsigned char d[32];
    unsigned int n = 0;
    EVP_Digest(text.data(), text.size(), d, &n, EVP_sha256(), nullptr);
    char hex[65];
    for (unsigned i = 0; i < 32; ++i)
        std::snprintf(hex + 2 * i, 3, "%02x", d[i]);
    return hex;
}

} // namespace gbc::testing
