// The project's ESPI validator (conformance/checks) run on the simulator's complete documents: clean output has no
// failed MUST check for any seed utility x profile, and each espi-data defect trips its own check.
#include <gtest/gtest.h>

#include "espi_ids.h"
#include "espi_test_util.h"
#include "validate.h"

namespace gbc {
namespace {

using namespace gbc::testing;

std::string failures(const ValidationResult& v)
{
    std::string out;
    for (const LocatedFinding& f : v.findings)
        if (f.finding.verdict == Verdict::Fail || f.finding.verdict == Verdict::Error)
            out += f.finding.checkId + " " + f.finding.message + " at " + f.path + "\n";
    return out;
}

ValidationResult check(World& w, const std::string& path, const std::string& token)
{
    const HttpAnswer a = call(w, path, token);
    EXPECT_EQ(a.status, 200) << path;
    return validateDocument(a.body, ValidateOptions{}, path);
}

// Makes sure Batch/Subscription, Batch/RetailCustomer, Authorization and ApplicationInformation documents of every
// seed utility and profile pass every MUST check of the validator. Example failure: ESPI-D007 on a UsagePoint
// without its LocalTimeParameters link.
TEST(EspiValidator, CleanDocumentsPass)
{
    World w;
    int n = 0;
    for (const Utility& u : catalogue().utilities)
        for (const Customer& c : u.customers) {
            const Scenario* sc = catalogue().findScenario(c.scenario);
            if (!sc || !sc->customerFound || c.accounts.empty())
                continue;
            const std::string sub = std::to_string(600 + n++);
            const AuthorizationRecord r = w.grant(sub, u.id, c.id);
            w.directory.records[sub].historyLengthSeconds = 75 * 86400;
            w.token("t" + sub, TokenClass::CustomerAccess, r);
            w.token("c" + sub, TokenClass::ClientAccess, r);
            w.token("g" + sub, TokenClass::Registration, r);
            const std::vector<std::pair<std::string, std::string>> docs = {
                {"Batch/Subscription/" + sub, "t" + sub}, {"Batch/RetailCustomer/" + sub, "t" + sub},
                {"Authorization/" + sub, "t" + sub}, {"Authorization", "c" + sub},
                {"ApplicationInformation/" + applicationInformationId(u.clients.at(0)), "g" + sub}};
            for (const auto& [path, token] : docs) {
                const ValidationResult v = check(w, path, token);
                EXPECT_TRUE(v.usable) << path;
                EXPECT_FALSE(v.mustFailed()) << u.id << " " << c.id << " " << path << ":\n" << failures(v);
            }
        }
    EXPECT_GE(n, 12);
}

// Makes sure each espi-data/oauth defect is caught by the validator check that targets it. Example failure:
// interval_gap switched on but ESPI-IB-CONTIGUOUS still PASS (the defect or the check does not bite).
TEST(EspiValidator, DefectsAreCaught)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"interval_gap", "ESPI-IB-CONTIGUOUS"},
        {"duplicate_atom_id", "ESPI-ENV-ID-UNIQUE"},
        {"wrong_dst_rule", "ESPI-LTP-DSTRULE"},
        {"bearer_lowercase", "ESPI-AUTH-BEARER"},
    };
    for (const auto& [defect, checkId] : cases) {
        World w;
        const AuthorizationRecord r = w.grant("700", "PGE", "pge-residential");
        w.directory.records["700"].historyLengthSeconds = 20 * 86400;
        w.token("t", TokenClass::CustomerAccess, r);
        const std::string path = defect == "bearer_lowercase" ? "Authorization/700" : "Batch/Subscription/700";
        EXPECT_EQ(check(w, path, "t").verdictOf(checkId), Verdict::Pass) << checkId << " without " << defect;
        w.ctx.defects.insert(defect);
        EXPECT_EQ(check(w, path, "t").verdictOf(checkId), Verdict::Fail) << checkId << " with " << defect;
    }
}

} // namespace
} // namespace gbc
