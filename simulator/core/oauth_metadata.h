// RFC 8414 authorization-server metadata for each utility, by path (/DataCustodian/<U>) and by the utility's host.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalogue.h"
#include "http_types.h"
#include "sim_context.h"

namespace gbc {

// RFC 8414 §3.1: "/.well-known/oauth-authorization-server" inserted between the issuer's host and its path.
std::string metadataUrl(const std::string& origin, const std::string& issuerPath);

// The metadata document of `utility` whose issuer is origin + issuerPath; its endpoints live under the issuer.
nlohmann::json authorizationServerMetadata(const Utility& utility, const std::string& origin, const std::string& issuerPath);

// GET /.well-known/oauth-authorization-server/DataCustodian/<U> (RFC 8414 §3.1),
// GET /DataCustodian/<U>/.well-known/oauth-authorization-server (the suffix form some clients try) and
// GET /.well-known/oauth-authorization-server on a utility's own host name (issuer = that origin).
std::vector<Route> metadataRoutes(SimContext& ctx);

} // namespace gbc
