// Conversion between cpp-httplib's Request/Response and the transport-neutral HttpRequest/HttpAnswer.
#pragma once

#include <httplib.h>

#include "http_types.h"
#include "result.h"

namespace gbc {

// Query and urlencoded body are decoded strictly from the raw text (malformed percent-encoding → Error
// "bad_encoding" naming the parameter); multipart fields become form fields; header names are lower-cased;
// host falls back to the local address when the Host header is absent; pathMatches copies req.matches.
Result<HttpRequest> toHttpRequest(const httplib::Request& req, bool tls);

void applyAnswer(HttpAnswer&& answer, httplib::Response& res);

} // namespace gbc
