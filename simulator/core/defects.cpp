// Defect table: each entry is implemented where its area's handler checks SimContext::defect(name).
#include "defects.h"

namespace gbc {

const std::vector<DefectInfo>& allDefects()
{
    static const std::vector<DefectInfo> table = {
        {"state_not_echoed", "oauth-authorize", "the authorize redirect drops the state parameter"},
        {"open_redirect", "oauth-authorize", "authorize errors redirect to an unregistered redirect_uri instead of showing an error page"},
        {"login_before_validation", "oauth-authorize", "a bad response_type or scope shows the login page instead of an error redirect"},
        {"decline_without_error", "oauth-authorize", "declining consent redirects without error=access_denied"},
        {"code_reusable", "oauth-token", "an authorization code can be exchanged more than once"},
        {"bearer_lowercase", "oauth-token", "token_type is 'bearer' instead of 'Bearer' (token JSON and Authorization entries)"},
        {"missing_resource_uri", "oauth-token", "the token response has no resourceURI"},
        {"refresh_scope_change_accepted", "oauth-token", "a refresh with a changed scope is granted instead of 400"},
        {"client_credentials_refresh_token", "oauth-token", "client_credentials responses carry a refresh_token"},
        {"wrong_token_class_accepted", "espi-access", "a client access token is accepted on Batch/Subscription"},
        {"duplicate_atom_id", "espi-data", "two entries of a feed share one atom id"},
        {"interval_gap", "espi-data", "one IntervalBlock skips a reading, leaving a gap"},
        {"wrong_dst_rule", "espi-data", "LocalTimeParameters carry a DST rule with month 0"},
        {"query_param_ignored", "espi-query", "published-min/max are ignored on IntervalBlock feeds"},
        {"bad_query_accepted", "espi-query", "malformed query parameter values answer 200 instead of 400"},
        {"odr_ignores_ttl", "odr", "every ODR request starts a new read even inside the ttl window"},
        {"json_error_body_missing", "json-api", "JSON API errors answer with an empty body instead of {error, error_description, url}"},
    };
    return table;
}

const DefectInfo* findDefect(const std::string& name)
{
    for (const DefectInfo& d : allDefects())
        if (name == d.name)
            return &d;
    return nullptr;
}

} // namespace gbc
