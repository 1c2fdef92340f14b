// Scripted JSON API faults per registration (402, 429 + Retry-After, 5xx), set through /__sim/ admin.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http_types.h"
#include "result.h"

namespace gbc {

// "The next `count` JSON API requests of this registration (whose path contains `pathContains`) answer `status`."
struct ApiFault {
    int status = 429;
    int count = 1;
    int retryAfterSeconds = 0; // Retry-After header when > 0 (429, 503)
    std::string pathContains;  // "" = every endpoint
};

// Statuses a script may ask for, as the reference lists them for /api/v2 (402 no balance, 429, 500/503/504).
bool isScriptableFaultStatus(int status);

// Reads {"faults": [{"status", "count"?, "retry_after"?, "path"?}, ...]}; errors name the JSON pointer.
Result<std::vector<ApiFault>> parseFaultScript(const nlohmann::json& body);
nlohmann::json faultScriptJson(const std::vector<ApiFault>& faults);

// The {error, error_description, url} answer of a scripted fault (with Retry-After when set).
HttpAnswer faultAnswer(const ApiFault& fault);

class ApiFaults {
public:
    // Replaces the registration's script (an empty list clears it).
    void set(const std::string& clientId, std::vector<ApiFault> faults);
    std::vector<ApiFault> pending(const std::string& clientId) const;
    // The first fault that applies to `path`, its count used up by one; nullopt when none.
    std::optional<ApiFault> take(const std::string& clientId, const std::string& path);

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::vector<ApiFault>> byClient_;
};

} // namespace gbc
