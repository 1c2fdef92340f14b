// UtilityAPI webhook signing with OpenSSL SHA-256 and RAND_bytes.
#include "webhook_signing.h"

#include <cstdio>
#include <stdexcept>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace gbc {

namespace {

std::string toHex(const unsigned char* data, std::size_t n)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 0x0F];
    }
    return out;
}

std::string sha256Hex(const std::string& data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("EVP_Digest(sha256) failed");
    return toHex(digest, len);
}

} // namespace

std::string newWebhookSalt()
{
    unsigned char raw[16];
    if (RAND_bytes(raw, sizeof raw) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return toHex(raw, sizeof raw);
}

std::string webhookBody(const nlohmann::json& events)
{
    nlohmann::json body = nlohmann::json::object();
    body["events"] = events;
    body["next"] = nullptr;
    return body.dump(4);
}

std::string webhookSignature(const std::string& secret, const std::string& salt, const std::string& body)
{
    return sha256Hex(secret + "." + salt + "." + body);
}

std::vector<std::pair<std::string, std::string>> webhookHeaders(const std::string& secret, const std::string& salt,
                                                                const std::string& body)
{
    return {{"X-UtilityAPI-Webhook-Salt", salt}, {"X-UtilityAPI-Webhook-Signature", webhookSignature(secret, salt, body)}};
}

bool verifyWebhookSignature(const std::string& secret, const std::string& salt, const std::string& body,
                            const std::string& signature)
{
    const std::string expected = webhookSignature(secret, salt, body);
    return signature.size() == expected.size() && CRYPTO_memcmp(signature.data(), expected.data(), expected.size()) == 0;
}

} // namespace gbc
