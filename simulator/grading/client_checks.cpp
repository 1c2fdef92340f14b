// The client-check catalogue and the helpers the check families share.
#include "client_checks.h"

#include <algorithm>

namespace gbc {

ClientOutcome clPass(std::string message, std::vector<std::uint64_t> evidence)
{
    return ClientOutcome{Verdict::Pass, std::move(message), "", "", std::move(evidence)};
}

ClientOutcome clFail(std::string expected, std::string actual, std::vector<std::uint64_t> evidence, std::string message)
{
    if (message.empty())
        message = "expected " + expected + "; " + actual;
    return ClientOutcome{Verdict::Fail, std::move(message), std::move(expected), std::move(actual), std::move(evidence)};
}

ClientOutcome clSkip(std::string reason)
{
    return ClientOutcome{Verdict::Skip, std::move(reason), "", "", {}};
}

double simSeconds(const JournalEntry& a, const JournalEntry& b) { return static_cast<double>(b.simTime - a.simTime); }
double wallSeconds(const JournalEntry& a, const JournalEntry& b) { return static_cast<double>(b.wallMs - a.wallMs) / 1000.0; }
double gapSeconds(const JournalEntry& a, const JournalEntry& b) { return std::max(simSeconds(a, b), wallSeconds(a, b)); }
bool waited(const JournalEntry& a, const JournalEntry& b, double seconds) { return gapSeconds(a, b) + 1e-3 >= seconds; }

bool isData(const JournalEntry& e)
{
    return !e.outbound && (e.kind == EntryKind::Espi || e.kind == EntryKind::Api || e.kind == EntryKind::Odr);
}

std::string seqs(const std::vector<std::uint64_t>& evidence)
{
    std::string out;
    for (std::uint64_t s : evidence)
        out += (out.empty() ? "#" : ", #") + std::to_string(s);
    return out;
}

ClientCheck clientCheck(const char* id, const char* reference, Level level, const char* family,
                        const char* requirement, ClientCheckFn fn)
{
    return ClientCheck{CheckRecord{id, reference, level, requirement, family}, fn};
}

const std::vector<ClientCheck>& clientChecks()
{
    static const std::vector<ClientCheck> all = [] {
        std::vector<ClientCheck> out;
        addOAuthClientChecks(out);
        addFetchClientChecks(out);
        std::sort(out.begin(), out.end(), [](const ClientCheck& a, const ClientCheck& b) { return a.record.id < b.record.id; });
        return out;
    }();
    return all;
}

} // namespace gbc
