// UtilityAPI JSON API and webhook client checks (CL-017..CL-020): next links, collection readiness, signatures.
#include "client_checks.h"
#include "url_codec.h"

namespace gbc {

namespace {

// Query parameters of "a=1&b=2" or of "/p?a=1&b=2" (empty on a malformed text).
FormFields paramsOf(const std::string& text)
{
    const std::size_t q = text.find('?');
    auto fields = parseUrlEncoded(q == std::string::npos ? text : text.substr(q + 1), "query");
    return fields ? *fields : FormFields{};
}

// UtilityAPI docs (pagination): a list answer's "next" URL is the way to its next page.
ClientOutcome nextFollowed(const JournalSnapshot& j)
{
    int judged = 0;
    for (std::size_t i = 0; i < j.entries.size(); ++i) {
        const JournalEntry& e = j.entries[i];
        if (e.kind != EntryKind::Api || e.status != 200 || e.fact("next").empty())
            continue;
        const std::string next = e.fact("next");
        const JournalEntry* follow = nullptr;
        for (std::size_t k = i + 1; k < j.entries.size() && !follow; ++k)
            if (j.entries[k].kind == EntryKind::Api && j.entries[k].path == e.path)
                follow = &j.entries[k];
        ++judged;
        if (!follow)
            return clFail("the next page " + next + " fetched", "never fetched", {e.seq});
        if (next.substr(0, next.find('?')) != follow->path || paramsOf(next) != paramsOf(follow->query))
            return clFail("GET " + next, follow->method + " " + follow->path + "?" + follow->query, {e.seq, follow->seq});
    }
    if (judged == 0)
        return clSkip("no JSON API list answer had a next page in the grading window");
    return clPass(std::to_string(judged) + " next link(s) followed");
}

// UtilityAPI docs (historical collection): bills and intervals are fetched once the meter's collection finished
// (meter status / webhook event), not before.
ClientOutcome afterCollection(const JournalSnapshot& j)
{
    int judged = 0;
    for (const JournalEntry& e : j.entries) {
        if (e.kind != EntryKind::Api || !e.has("ready"))
            continue;
        ++judged;
        if (e.fact("ready") != "yes")
            return clFail("bills/intervals fetched after the meter's collection finished",
                          e.path + " fetched while collection was still running", {e.seq});
    }
    if (judged == 0)
        return clSkip("no bills or intervals request naming meters in the grading window");
    return clPass(std::to_string(judged) + " bills/intervals request(s) after collection finished");
}

bool is2xx(int status) { return status >= 200 && status < 300; }

// UtilityAPI docs (webhooks): the receiver acknowledges a correctly signed delivery with 2xx.
ClientOutcome signedAccepted(const JournalSnapshot& j)
{
    int judged = 0;
    for (const JournalEntry& e : j.entries) {
        if (e.kind != EntryKind::Webhook || e.fact("probe") == "bad")
            continue;
        ++judged;
        if (!is2xx(e.status))
            return clFail("2xx for a correctly signed webhook delivery",
                          e.status ? std::to_string(e.status) : "no answer (" + e.fact("error") + ")", {e.seq});
    }
    if (judged == 0)
        return clSkip("no webhook was delivered in the grading window (POST /__sim/clients/{id}/webhook-probe sends one)");
    return clPass(std::to_string(judged) + " signed delivery(ies) acknowledged");
}

// UtilityAPI docs (webhooks: verify X-UtilityAPI-Webhook-Signature): a delivery with a bad signature is refused.
ClientOutcome badSignatureRejected(const JournalSnapshot& j)
{
    int judged = 0;
    for (const JournalEntry& e : j.entries) {
        if (e.kind != EntryKind::Webhook || e.fact("probe") != "bad" || e.status == 0)
            continue;
        ++judged;
        if (is2xx(e.status))
            return clFail("a non-2xx answer to a webhook with a bad signature", std::to_string(e.status), {e.seq});
    }
    if (judged == 0)
        return clSkip("no badly signed probe was answered in the grading window (POST /__sim/clients/{id}/webhook-probe)");
    return clPass(std::to_string(judged) + " badly signed probe(s) rejected");
}

} // namespace

void addJsonApiClientChecks(std::vector<ClientCheck>& out)
{
    out.push_back(clientCheck("CL-017", "UtilityAPI docs (pagination: next)", Level::Should, "fetch-client",
        "JSON API lists with a next page are followed through their next URL.", nextFollowed));
    out.push_back(clientCheck("CL-018", "UtilityAPI docs (historical collection)", Level::Should, "fetch-client",
        "Bills and intervals are not fetched before the meter's collection finished.", afterCollection));
    out.push_back(clientCheck("CL-019", "UtilityAPI docs (webhooks)", Level::Must, "webhook-client",
        "The webhook receiver answers 2xx to a correctly signed delivery.", signedAccepted));
    out.push_back(clientCheck("CL-020", "UtilityAPI docs (webhook signatures)", Level::Should, "webhook-client",
        "The webhook receiver rejects a delivery whose signature does not verify.", badSignatureRejected));
}

} // namespace gbc
