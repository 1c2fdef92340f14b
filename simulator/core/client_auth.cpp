// Basic and form-field client authentication, with the base64 codecs they and PKCE need.
#include "client_auth.h"

#include <cctype>

#include "secure_random.h"
#include "url_codec.h"

namespace gbc {

namespace {

const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Error clientError(const std::string& code, const std::string& message)
{
    return Error{code, "client authentication", message};
}

struct Credentials {
    std::string id, secret;
};

Result<Credentials> fromBasic(const std::string& header)
{
    const auto raw = decodeBase64(header.substr(6));
    const std::size_t colon = raw ? raw->find(':') : std::string::npos;
    if (colon == std::string::npos)
        return clientError("invalid_request", "the Basic credentials are not base64 of client_id:client_secret");
    auto id = percentDecode(raw->substr(0, colon), true);
    auto secret = percentDecode(raw->substr(colon + 1), true);
    if (!id || !secret)
        return clientError("invalid_request", "the Basic credentials have malformed percent-encoding");
    return Credentials{*id, *secret};
}

bool isBasic(const std::string& header)
{
    if (header.size() < 6)
        return false;
    std::string scheme = header.substr(0, 6);
    for (char& c : scheme)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return scheme == "basic ";
}

} // namespace

std::optional<std::string> decodeBase64(const std::string& text)
{
    if (text.size() % 4 != 0)
        return std::nullopt;
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    std::size_t padding = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '=') {
            if (i + 2 < text.size() || ++padding > 2)
                return std::nullopt;
            continue;
        }
        const auto pos = kAlphabet.find(text[i]);
        if (pos == std::string::npos || padding > 0)
            return std::nullopt;
        buffer = (buffer << 6) | static_cast<unsigned>(pos);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}

std::string encodeBase64Url(const std::string& bytes)
{
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(buffer >> bits) & 0x3f];
        }
    }
    if (bits > 0)
        out += kAlphabet[(buffer << (6 - bits)) & 0x3f];
    for (char& c : out)
        c = c == '+' ? '-' : (c == '/' ? '_' : c);
    return out;
}

Result<const Client*> authenticateClient(const Utility& utility, const HttpRequest& req)
{
    const std::string header = req.header("authorization");
    const auto formId = req.field("client_id");
    const auto formSecret = req.field("client_secret");
    Credentials creds;
    if (isBasic(header)) {
        if (formSecret)
            return clientError("invalid_request", "the client authenticated twice (HTTP Basic and client_secret)");
        auto basic = fromBasic(header);
        if (!basic)
            return basic.error();
        if (formId && *formId != basic->id)
            return clientError("invalid_request", "client_id in the body differs from the HTTP Basic client");
        creds = *basic;
    } else if (!header.empty() && !formSecret) {
        return clientError("invalid_client", "unsupported Authorization scheme; use HTTP Basic");
    } else if (formId && formSecret) {
        creds = Credentials{*formId, *formSecret};
    } else {
        return clientError("invalid_client", "client authentication is required (HTTP Basic or client_id + client_secret)");
    }
    const Client* client = utility.findClient(creds.id);
    // The secret comparison runs even for unknown clients so timing does not tell the two apart.
    const bool secretOk = constantTimeEquals(client ? client->clientSecret : std::string(creds.secret.size(), '\0'),
                                             creds.secret);
    if (!client || !secretOk)
        return clientError("invalid_client", "unknown client or wrong client secret");
    return client;
}

} // namespace gbc
