// Probes: the impure half of the runner. Each sends requests through a Session and leaves steps, facts and gates
// for the pure checks to judge. A probe that decides not to send a step closes the gate the checks consult.
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "login_engine.h"
#include "session.h"

namespace gbc {

// Which plans' probes to run (the checks of other plans are not reported).
struct ProbeSelection {
    std::set<std::string> plans; // oauth-authorize, oauth-token, espi, odr, json-api
    bool wants(const std::string& plan) const { return plans.count(plan) != 0; }
};

// Authorize URL for this session with the given overrides (an empty value removes the parameter).
std::string authorizeUrl(Session& s, const Params& overrides);

void probeAuthorizeNegatives(Session& s);
// Runs the login script as flow `flow` (facts login.<flow>.*, cb.<flow>, state.<flow>); returns the code or "".
std::string runLoginFlow(Session& s, const std::string& flow, const std::string& decision, const Params& extra = {});

void probeMainGrant(Session& s);           // flow main (PKCE) + token.main + client_credentials
void probeClientCredentials(Session& s);   // token.client_credentials (independent of any customer)
void probeTokenNegatives(Session& s);      // every token error case, refresh, second-code flows, decline
// History walk caps (pages of 32 days): the whole granted history once per run (per worker), then the month next to
// the window for every other authorized variant (the seam between window and history is checked every time).
inline constexpr int kHistoryCapPages = 25;
inline constexpr int kHistorySeamPages = 1;

void probeEspi(Session& s, const std::string& foreignSubscription, int historyPages);
void probeJsonApi(Session& s);
void probeOdr(Session& s);
void probeLateClockCases(Session& s, const ProbeSelection& sel); // expired code/token (clock), revoke
void probeRevokeRefresh(Session& s);                     // RFC 7009 for the refresh token (TK-024), after revoke
class EspiDocument;
// max-results/start-index, updated-min/max (ES-017..019) on the busiest IntervalBlock feed of the windowed batch
// (`batch` nullptr when it did not parse)
void probeEspiQuery(Session& s, const EspiDocument* batch, std::int64_t now);
// month pages before the window (ES-025, ES-026), at most `maxPages`, for every authorized variant
void probeHistory(Session& s, const EspiDocument* batch, std::int64_t now, int maxPages);
// ApplicationInformation; the client's Authorization list and Bulk when `clientResources` (once per client and run)
void probeEspiAdmin(Session& s, bool clientResources);
std::int64_t targetNow(Session& s);                      // the simulator clock, else the local clock

// Runs every selected probe for the session's variant in a fixed order.
// `clientResources`: the first variant of its client (reads the client's Authorization list and Bulk);
// `historyPages`: the cap of its history walk.
void probeVariant(Session& s, const ProbeSelection& sel, const std::string& foreignSubscription, bool clientResources,
    int historyPages);

} // namespace gbc
