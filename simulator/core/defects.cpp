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
        {"code_any_client", "oauth-token", "an authorization code is exchanged for tokens by a client it was not issued to"},
        {"bearer_lowercase", "oauth-token", "token_type is 'bearer' instead of 'Bearer' (token JSON and Authorization entries)"},
        {"missing_resource_uri", "oauth-token", "the token response has no resourceURI"},
        {"refresh_scope_change_accepted", "oauth-token", "a refresh with a changed scope is granted instead of 400"},
        {"client_credentials_refresh_token", "oauth-token", "client_credentials responses carry a refresh_token"},
        {"wrong_token_class_accepted", "espi-access", "a client access token is accepted on Batch/Subscription"},
        {"duplicate_atom_id", "espi-data", "two entries of a feed share one atom id"},
        {"interval_gap", "espi-data", "one IntervalBlock skips a reading, leaving a gap"},
        {"wrong_dst_rule", "espi-data", "LocalTimeParameters carry a DST rule with month 0"},
        {"element_order", "espi-data", "UsagePoint writes <status> before <ServiceCategory>, against the espi.xsd sequence"},
        {"query_param_ignored", "espi-query", "published-min/max are ignored on IntervalBlock feeds"},
        {"bad_query_accepted", "espi-query", "malformed query parameter values answer 200 instead of 400"},
        {"odr_ignores_ttl", "odr", "every ODR request starts a new read even inside the ttl window"},
        {"refresh_survives_revoke", "oauth-token", "revoking a refresh token answers 200 but the refresh token keeps working"},
        {"token_get_accepted", "oauth-token", "the token endpoint answers GET, taking the parameters from the query, and issues tokens"},
        {"paging_ignored", "espi-query", "max-results and start-index are ignored: every matching entry is returned"},
        {"updated_filter_ignored", "espi-query", "updated-min/max are ignored on every feed"},
        {"atom_id_by_position", "espi-data", "atom:id comes from the entry's position in the document, so two documents give one id to different resources"},
        {"history_gap", "espi-data", "the IntervalBlock holding the instant 100 days before today misses a reading (outside the default window)"},
        {"dst_hour_lost_at_seam", "espi-data", "while DST is in force at published-min, the oldest IntervalBlock of the document loses its first hour (published-min read with the standard offset): each document is valid alone, but an hour is lost between two consecutive documents"},
        {"missing_block", "espi-data", "the IntervalBlock holding the instant 100 days before today is left out of every feed"},
        {"ltp_differs_outside_batch", "espi-data", "LocalTimeParameters carry a tzOffset one hour off everywhere but in Batch documents"},
        {"application_information_missing_status", "espi-data", "ApplicationInformation lacks the required dataCustodianApplicationStatus"},
        {"application_information_open", "espi-access", "ApplicationInformation is served to customer and client access tokens too"},
        {"authorization_list_refuses_client_token", "espi-access", "the Authorization list refuses the client access token (403)"},
        {"bulk_refuses_client_token", "espi-access", "Bulk/{id} refuses the client access token (403)"},
        {"odr_skips_waiting", "odr", "the ODR lifecycle reports 'pending' while the read is 'waiting' (a state is skipped)"},
        {"odr_ttl_frozen", "odr", "ODR ttl_seconds stays at the full ttl instead of counting down"},
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
