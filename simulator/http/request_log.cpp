// Request log formatting and redaction of secrets in query strings.
#include "request_log.h"

#include <array>

#include "secure_random.h"

namespace gbc {

namespace {

constexpr std::array<const char*, 9> kSecretParams = {"code",     "access_token",  "refresh_token",
                                                      "token",    "client_secret", "password",
                                                      "otp",      "code_verifier", "lookup_value"};

bool isSecret(const std::string& name)
{
    for (const char* s : kSecretParams)
        if (name == s)
            return true;
    return false;
}

} // namespace

std::string redactTarget(const std::string& target)
{
    const std::size_t q = target.find('?');
    if (q == std::string::npos)
        return target;
    std::string out = target.substr(0, q + 1);
    std::size_t start = q + 1;
    while (start <= target.size()) {
        std::size_t end = target.find('&', start);
        if (end == std::string::npos)
            end = target.size();
        const std::string pair = target.substr(start, end - start);
        const std::size_t eq = pair.find('=');
        const std::string name = pair.substr(0, eq);
        out += (start > q + 1 ? "&" : "");
        out += (eq != std::string::npos && isSecret(name)) ? name + "=" + redactSecret(pair.substr(eq + 1)) : pair;
        start = end + 1;
    }
    return out;
}

std::string logLine(const std::string& remote, const std::string& method, const std::string& target, int status)
{
    return "gbc-sim: " + remote + " " + method + " " + redactTarget(target) + " " + std::to_string(status);
}

} // namespace gbc
