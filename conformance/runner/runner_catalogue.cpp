// The runner's check catalogue: every family's records in id order, and the plans that group them.
#include "runner_families.h"

#include <algorithm>

namespace gbc {

const std::vector<RunnerCheck>& runnerChecks()
{
    static const std::vector<RunnerCheck> all = [] {
        std::vector<RunnerCheck> out;
        addAuthorizeChecks(out);
        addTokenChecks(out);
        addEspiChecks(out);
        addEspiQueryChecks(out);
        addOdrChecks(out);
        addJsonApiChecks(out);
        std::sort(out.begin(), out.end(), [](const RunnerCheck& a, const RunnerCheck& b) { return a.record.id < b.record.id; });
        return out;
    }();
    return all;
}

const std::vector<std::string>& planNames()
{
    static const std::vector<std::string> names = {"full", "oauth", "oauth-authorize", "oauth-token", "espi", "odr", "json-api"};
    return names;
}

bool checkInPlan(const RunnerCheck& check, const std::string& plan)
{
    if (plan == "full")
        return true;
    if (plan == "oauth")
        return check.plan == "oauth-authorize" || check.plan == "oauth-token";
    return check.plan == plan;
}

} // namespace gbc
