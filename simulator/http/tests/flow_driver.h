// Test helper: an HTTP client for gbc-sim plus readers for the authorize pages' forms, and a full OAuth walk.
#pragma once

#include <httplib.h>

#include <string>
#include <utility>
#include <vector>

#include "url_codec.h"

namespace gbc::simtest {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Reply {
    int status = 0; // 0: transport failure, see error
    std::string body, location, contentType, cacheControl, wwwAuthenticate;
    std::string error;
};

class HttpDriver {
public:
    // baseUrl "http://127.0.0.1:PORT" or https; with https, caFile verifies the server (empty: no verification).
    explicit HttpDriver(const std::string& baseUrl, const std::string& caFile = "");
    Reply get(const std::string& target, const httplib::Headers& headers = {});
    Reply postForm(const std::string& path, const Fields& fields, const httplib::Headers& headers = {});
    Reply postMultipart(const std::string& path, const Fields& fields, const httplib::Headers& headers = {});
    Reply postRaw(const std::string& path, const std::string& body, const std::string& contentType,
                  const httplib::Headers& headers = {});

private:
    httplib::Client client_;
};

std::string formAction(const std::string& html);
std::string flowField(const std::string& html);
std::string dataError(const std::string& html);
std::string sandboxOtp(const std::string& html);
std::vector<std::string> serviceValues(const std::string& html);
// Decoded value of a query parameter in a URL ("" when absent).
std::string queryValue(const std::string& url, const std::string& name);
httplib::Headers basicAuth(const std::string& id, const std::string& secret);

// Where an OAuth walk ended.
struct WalkResult {
    std::string location;  // Location of the final 302 ("" when none)
    std::string dataError; // data-error of the last page ("" when none)
    std::size_t services = 0; // checkboxes on the consent page
    std::vector<std::string> pages; // ids of the forms seen: verify-form, otp-form, consent-form
};

// GET `authorizeTarget`, then answer each page: verification with `verifyFields`, one-time code from
// #sandbox-otp, consent with every service (or `decision` = decline). Stops at a 302, an error element or 6 steps.
WalkResult walkAuthorize(HttpDriver& http, const std::string& authorizeTarget, const Fields& verifyFields,
                         const std::string& decision = "approve");

} // namespace gbc::simtest
