// Token-use client checks (CL-008..CL-010): refresh only when needed, rotated refresh tokens, refused tokens.
#include <map>
#include <set>

#include "client_checks.h"

namespace gbc {

namespace {

bool isRefresh(const JournalEntry& e) { return e.kind == EntryKind::Token && e.fact("grant") == "refresh_token"; }

// A token the simulator refused: a data request answered 401, or a refresh answered invalid_grant.
bool refused(const JournalEntry& e)
{
    return !e.token.empty() && ((isData(e) && e.fact("refused") == "yes") ||
                                (isRefresh(e) && e.fact("error") == "invalid_grant"));
}

// RFC 6749 §1.5: a refresh token obtains a new access token when the current one becomes invalid or expires;
// refreshing a fresh, unrefused access token (e.g. before every request) is needless load.
ClientOutcome refreshWhenNeeded(const JournalSnapshot& j)
{
    const JournalEntry* current = nullptr; // the answer that issued the access token in use
    bool currentRefused = false;
    std::vector<std::uint64_t> needless;
    int refreshes = 0;
    for (const JournalEntry& e : j.entries) {
        if (isData(e) && current && e.token == current->fact("issued.access") && e.fact("refused") == "yes")
            currentRefused = true;
        if (e.kind != EntryKind::Token || e.status != 200 || e.fact("issued.access").empty())
            continue;
        if (isRefresh(e)) {
            ++refreshes;
            const double half = std::stod(current && !current->fact("expires_in").empty() ? current->fact("expires_in") : "3600") / 2;
            if (current && !currentRefused && !waited(*current, e, half))
                needless.push_back(e.seq);
        }
        current = &e;
        currentRefused = false;
    }
    if (refreshes == 0)
        return clSkip("no refresh in the grading window");
    if (static_cast<int>(needless.size()) > kNeedlessRefreshesAllowed)
        return clFail("a refresh only when the access token expired, was refused or is past half its lifetime",
                      std::to_string(needless.size()) + " refreshes of a fresh access token: " + seqs(needless), needless);
    return clPass(std::to_string(refreshes) + " refresh(es), " + std::to_string(needless.size()) + " early (tolerated)");
}

// RFC 6749 §6: when a new refresh token is issued, the client MUST discard the old one and use the new one.
ClientOutcome rotatedRefreshUsed(const JournalSnapshot& j)
{
    std::map<std::string, std::uint64_t> retired; // old refresh token -> the answer that replaced it
    for (const JournalEntry& e : j.entries) {
        if (!isRefresh(e))
            continue;
        if (auto it = retired.find(e.token); it != retired.end())
            return clFail("the refresh token issued in #" + std::to_string(it->second), "the replaced one sent again",
                          {it->second, e.seq});
        if (e.status == 200 && !e.fact("issued.refresh").empty() && e.fact("issued.refresh") != e.token)
            retired.emplace(e.token, e.seq);
    }
    if (retired.empty())
        return clSkip("no refresh token was rotated in the grading window");
    return clPass(std::to_string(retired.size()) + " rotation(s), the new refresh token used each time");
}

// RFC 6750 §3.1 (invalid_token), RFC 6749 §5.2 (invalid_grant): a refused token stays refused; the client stops
// using it after at most one retry and re-authorizes or refreshes instead.
ClientOutcome refusedTokenDropped(const JournalSnapshot& j)
{
    std::map<std::string, std::vector<std::uint64_t>> refusals;
    for (const JournalEntry& e : j.entries) {
        if (e.token.empty() || e.kind == EntryKind::CodeIssued || (e.kind == EntryKind::Token && !isRefresh(e)))
            continue;
        auto it = refusals.find(e.token);
        if (it != refusals.end() && it->second.size() >= 2) {
            it->second.push_back(e.seq);
            return clFail("no use of a token after it was refused twice", "used again in #" + std::to_string(e.seq),
                          it->second);
        }
        if (refused(e))
            refusals[e.token].push_back(e.seq);
    }
    if (refusals.empty())
        return clSkip("no token was refused in the grading window");
    return clPass(std::to_string(refusals.size()) + " refused token(s) dropped after at most one retry");
}

} // namespace

void addTokenUseClientChecks(std::vector<ClientCheck>& out)
{
    out.push_back(clientCheck("CL-008", "RFC 6749 §1.5, §6", Level::Should, "oauth-client",
        "The client refreshes only when the access token expired, was refused or is past half its lifetime.",
        refreshWhenNeeded));
    out.push_back(clientCheck("CL-009", "RFC 6749 §6", Level::Must, "oauth-client",
        "After a refresh that rotated the refresh token, the client uses the new one, never the old.",
        rotatedRefreshUsed));
    out.push_back(clientCheck("CL-010", "RFC 6750 §3.1; RFC 6749 §5.2", Level::Must, "oauth-client",
        "A token refused as revoked or expired is not used again beyond one retry.", refusedTokenDropped));
}

} // namespace gbc
