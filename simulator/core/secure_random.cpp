// CSPRNG and constant-time helpers over OpenSSL (RAND_bytes, CRYPTO_memcmp, SHA-256).
#include "secure_random.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace gbc {

namespace {

std::vector<unsigned char> randomBytes(std::size_t n)
{
    std::vector<unsigned char> buf(n);
    if (n > 0 && RAND_bytes(buf.data(), static_cast<int>(n)) != 1)
        throw std::runtime_error("RAND_bytes failed: the OS random generator is unavailable");
    return buf;
}

std::string toHex(const unsigned char* data, std::size_t n)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 0x0f];
    }
    return out;
}

} // namespace

std::string randomHex(std::size_t bytes)
{
    const auto buf = randomBytes(bytes);
    return toHex(buf.data(), buf.size());
}

std::string randomDigits(std::size_t count)
{
    std::string out;
    while (out.size() < count) {
        for (unsigned char b : randomBytes(count)) {
            if (b < 250 && out.size() < count) // 250 = 25 * 10: rejecting the rest keeps digits uniform
                out += static_cast<char>('0' + b % 10);
        }
    }
    return out;
}

bool constantTimeEquals(const std::string& a, const std::string& b)
{
    if (a.size() != b.size())
        return false;
    return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string sha256Raw(const std::string& data)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    return std::string(reinterpret_cast<const char*>(md), len);
}

std::string sha256Hex(const std::string& data)
{
    const std::string raw = sha256Raw(data);
    return toHex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

std::string redactSecret(const std::string& secret)
{
    if (secret.size() <= 8)
        return "…";
    return secret.substr(0, 6) + "…";
}

} // namespace gbc
