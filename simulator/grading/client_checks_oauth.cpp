// OAuth client checks (CL-001..CL-010): state, PKCE, code exchange, redirect_uri, client auth, refresh, refused tokens.
#include <map>
#include <set>

#include "client_checks.h"

namespace gbc {

namespace {


bool isCodeExchange(const JournalEntry& e)
{
    return e.kind == EntryKind::Token && e.fact("grant") == "authorization_code";
}

// RFC 6749 §10.12 / RFC 9700 §4.7.1: the client MUST protect the redirect against CSRF: a state value, or PKCE
// when the server supports it (both accepted).
ClientOutcome stateSent(const JournalSnapshot& j)
{
    std::vector<std::uint64_t> bad, all;
    for (const JournalEntry& e : j.entries)
        if (e.kind == EntryKind::Authorize) {
            all.push_back(e.seq);
            if (e.fact("state").empty() && e.fact("cc") != "yes")
                bad.push_back(e.seq);
        }
    if (all.empty())
        return clSkip("no authorization request from this client in the grading window");
    if (!bad.empty())
        return clFail("state (or a PKCE code_challenge) on every authorization request",
                      "neither on " + seqs(bad), bad);
    return clPass(std::to_string(all.size()) + " authorization request(s) protected by state or PKCE", all);
}

// RFC 6749 §10.12: state is a one-time value bound to one authorization request.
ClientOutcome stateFresh(const JournalSnapshot& j)
{
    std::set<std::string> seen, consumed;
    std::map<std::string, std::uint64_t> firstSeq;
    int judged = 0;
    for (const JournalEntry& e : j.entries) {
        if (isCodeExchange(e) && e.status == 200)
            consumed.insert(seen.begin(), seen.end());
        if (e.kind != EntryKind::Authorize || e.fact("state").empty())
            continue;
        ++judged;
        const std::string s = e.fact("state");
        if (consumed.count(s))
            return clFail("a new state value for every authorization", "state of #" + std::to_string(firstSeq[s]) +
                          " sent again in #" + std::to_string(e.seq) + " after its code was exchanged",
                          {firstSeq[s], e.seq});
        seen.insert(s);
        firstSeq.emplace(s, e.seq);
    }
    if (judged == 0)
        return clSkip("no authorization request with state in the grading window");
    return clPass(std::to_string(seen.size()) + " distinct state value(s)");
}

// RFC 7636 §4.2, RFC 9700 §2.1.1: clients SHOULD use PKCE with the S256 method.
ClientOutcome pkceS256(const JournalSnapshot& j)
{
    std::vector<std::uint64_t> bad, all;
    for (const JournalEntry& e : j.entries)
        if (e.kind == EntryKind::Authorize) {
            all.push_back(e.seq);
            if (e.fact("ccm") != "S256")
                bad.push_back(e.seq);
        }
    if (all.empty())
        return clSkip("no authorization request from this client in the grading window");
    if (!bad.empty())
        return clFail("code_challenge_method=S256 on every authorization request", "absent or plain on " + seqs(bad), bad);
    return clPass("PKCE S256 on " + std::to_string(all.size()) + " authorization request(s)", all);
}

// RFC 6749 §4.1.2: the client MUST NOT use the authorization code more than once.
ClientOutcome codeOnce(const JournalSnapshot& j)
{
    std::map<std::string, std::vector<std::uint64_t>> uses;
    for (const JournalEntry& e : j.entries)
        if (isCodeExchange(e) && !e.fact("code").empty())
            uses[e.fact("code")].push_back(e.seq);
    if (uses.empty())
        return clSkip("no authorization code was exchanged in the grading window");
    for (const auto& [code, seq] : uses)
        if (seq.size() > 1)
            return clFail("each code exchanged once", "one code exchanged " + std::to_string(seq.size()) + " times: " + seqs(seq), seq);
    return clPass(std::to_string(uses.size()) + " code(s), each exchanged once");
}

// RFC 6749 §4.1.2 (codes are short-lived) / §10.5: the code is redeemed as soon as the redirect arrives.
ClientOutcome codePrompt(const JournalSnapshot& j)
{
    int judged = 0;
    for (std::size_t i = 0; i < j.entries.size(); ++i) {
        const JournalEntry& issued = j.entries[i];
        if (issued.kind != EntryKind::CodeIssued)
            continue;
        const JournalEntry* exchange = nullptr;
        for (std::size_t k = i + 1; k < j.entries.size() && !exchange; ++k)
            if (isCodeExchange(j.entries[k]) && j.entries[k].fact("code") == issued.fact("code"))
                exchange = &j.entries[k];
        JournalEntry now = issued;
        now.simTime = j.simNow, now.wallMs = j.wallNowMs;
        const JournalEntry& end = exchange ? *exchange : now;
        if (gapSeconds(issued, end) > kPromptExchangeSeconds)
            return clFail("the code exchanged within " + std::to_string(kPromptExchangeSeconds) + " s of the redirect",
                          exchange ? "exchanged " + std::to_string(static_cast<long long>(gapSeconds(issued, end))) + " s later"
                                   : "never exchanged",
                          exchange ? std::vector<std::uint64_t>{issued.seq, exchange->seq} : std::vector<std::uint64_t>{issued.seq});
        judged += exchange ? 1 : 0;
    }
    if (judged == 0)
        return clSkip("no code issued to this client was exchanged (or overdue) in the grading window");
    return clPass(std::to_string(judged) + " code(s) exchanged promptly");
}

// RFC 6749 §4.1.3: redirect_uri at the token endpoint, identical to the authorization request's when it had one.
ClientOutcome sameRedirect(const JournalSnapshot& j)
{
    int judged = 0;
    for (const JournalEntry& t : j.entries) {
        if (!isCodeExchange(t))
            continue;
        const JournalEntry *issued = nullptr, *authorize = nullptr;
        for (const JournalEntry& e : j.entries)
            if (e.seq < t.seq && e.kind == EntryKind::CodeIssued && e.fact("code") == t.fact("code"))
                issued = &e;
        for (const JournalEntry& e : j.entries)
            if (issued && e.seq < issued->seq && e.kind == EntryKind::Authorize && e.fact("state") == issued->fact("state"))
                authorize = &e;
        if (!authorize)
            continue;
        ++judged;
        if (authorize->fact("redirect_sent") == "yes" &&
            (t.fact("redirect_sent") != "yes" || t.fact("redirect_uri") != authorize->fact("redirect_uri")))
            return clFail("redirect_uri=" + authorize->fact("redirect_uri"),
                          t.fact("redirect_sent") == "yes" ? "redirect_uri=" + t.fact("redirect_uri") : "no redirect_uri",
                          {authorize->seq, t.seq});
    }
    if (judged == 0)
        return clSkip("no code exchange could be tied to its authorization request in the grading window");
    return clPass(std::to_string(judged) + " exchange(s) repeated the authorization request's redirect_uri");
}

// RFC 6749 §2.3: the client MUST NOT use more than one authentication method in each request.
ClientOutcome oneAuthMethod(const JournalSnapshot& j)
{
    std::vector<std::uint64_t> bad;
    int judged = 0;
    for (const JournalEntry& e : j.entries)
        if (e.kind == EntryKind::Token || e.kind == EntryKind::Revoke) {
            ++judged;
            if (e.fact("auth") == "both")
                bad.push_back(e.seq);
        }
    if (judged == 0)
        return clSkip("no token or revocation request in the grading window");
    if (!bad.empty())
        return clFail("HTTP Basic or client_secret in the form, not both", "both on " + seqs(bad), bad);
    return clPass(std::to_string(judged) + " request(s) with one authentication method");
}

} // namespace

void addTokenUseClientChecks(std::vector<ClientCheck>& out); // client_checks_tokens.cpp

void addOAuthClientChecks(std::vector<ClientCheck>& out)
{
    out.push_back(clientCheck("CL-001", "RFC 6749 §10.12; RFC 9700 §4.7.1", Level::Must, "oauth-client",
        "Every authorization request is protected against CSRF by a state value (or a PKCE challenge).", stateSent));
    out.push_back(clientCheck("CL-002", "RFC 6749 §10.12", Level::Must, "oauth-client",
        "A state value is never reused for a later authorization request.", stateFresh));
    out.push_back(clientCheck("CL-003", "RFC 7636 §4.2; RFC 9700 §2.1.1", Level::Should, "oauth-client",
        "Authorization requests use PKCE with code_challenge_method S256.", pkceS256));
    out.push_back(clientCheck("CL-004", "RFC 6749 §4.1.2", Level::Must, "oauth-client",
        "An authorization code is exchanged at the token endpoint exactly once.", codeOnce));
    out.push_back(clientCheck("CL-005", "RFC 6749 §4.1.2; RFC 9700 §4.5", Level::Should, "oauth-client",
        "An authorization code is exchanged promptly (within 60 s of the redirect).", codePrompt));
    out.push_back(clientCheck("CL-006", "RFC 6749 §4.1.3", Level::Must, "oauth-client",
        "The token request repeats the authorization request's redirect_uri exactly.", sameRedirect));
    out.push_back(clientCheck("CL-007", "RFC 6749 §2.3", Level::Must, "oauth-client",
        "Each token or revocation request uses one client-authentication method.", oneAuthMethod));
    addTokenUseClientChecks(out);
}

} // namespace gbc
