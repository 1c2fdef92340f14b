// UUID v5 via OpenSSL's SHA-1 (EVP interface).
#include "uuid5.h"

#include <openssl/evp.h>

#include <cstring>

namespace gbc {

Uuid uuid5(const Uuid& nameSpace, std::string_view name)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_sha1(), nullptr);
    EVP_DigestUpdate(ctx, nameSpace.data(), nameSpace.size());
    EVP_DigestUpdate(ctx, name.data(), name.size());
    EVP_DigestFinal_ex(ctx, digest, &len);
    EVP_MD_CTX_free(ctx);
    Uuid u;
    std::memcpy(u.data(), digest, u.size());
    u[6] = static_cast<std::uint8_t>((u[6] & 0x0F) | 0x50);
    u[8] = static_cast<std::uint8_t>((u[8] & 0x3F) | 0x80);
    return u;
}

std::string formatUuid(const Uuid& u)
{
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < u.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += '-';
        out += hex[u[i] >> 4];
        out += hex[u[i] & 0xF];
    }
    return out;
}

const Uuid& urlNamespace()
{
    static const Uuid ns = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                            0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    return ns;
}

std::string atomId(std::string_view name)
{
    // The simulator's own namespace, itself name-based under the URL namespace.
    static const Uuid simNs = uuid5(urlNamespace(), "https://gbc-sim.invalid/espi");
    return "urn:uuid:" + formatUuid(uuid5(simNs, name));
}

} // namespace gbc
