// xmllint validation of every ESPI resource type, for every seed utility x residential/commercial customer,
// against ../shared/espi-schema/v4.0/all.xsd. Arguments: <xmllint path> <all.xsd path>.
#include <gtest/gtest.h>

#include <filesystem>

#include "customer_entries.h"
#include "espi_ids.h"
#include "espi_test_util.h"
#include "summaries.h"
#include "xmllint_batch.h"

namespace gbc {
namespace {

using namespace gbc::testing;
namespace fs = std::filesystem;

struct Doc {
    std::string name, body;
};

// The names of the documents xmllint does not accept; xmllint's words are added to the test output when `report`
// and something failed.
std::vector<std::string> invalidDocs(const std::vector<Doc>& docs, const std::string& tag, bool report = true)
{
    std::vector<std::string> bodies;
    for (const Doc& d : docs)
        bodies.push_back(d.body);
    const XmllintBatch run = xmllintBatch(bodies, "schema_" + tag);
    std::vector<std::string> bad;
    for (std::size_t i : run.invalid)
        bad.push_back(docs[i].name);
    if (!bad.empty() && report)
        ADD_FAILURE() << "xmllint output:\n" << run.output.substr(0, 4000);
    return bad;
}

class EspiSchema : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (gXmllint.empty())
            GTEST_SKIP() << "xmllint not found: schema validation skipped (CI must have it)";
        if (!fs::exists(gSchema))
            GTEST_SKIP() << "schema folder absent (" << gSchema << "): schema validation skipped (CI must have it)";
    }
    void add(std::vector<Doc>& docs, const std::string& path, const std::string& token)
    {
        const HttpAnswer a = call(w, path, token);
        ASSERT_EQ(a.status, 200) << path << ": " << a.body;
        docs.push_back({path, a.body});
    }
    World w;
};

// Every resource path of one authorization, from a plan (one of each type, plus each feed).
std::vector<std::string> resourcePaths(const SubscriptionPlan& plan)
{
    const std::string sub = plan.record.uid;
    std::vector<std::string> out = {"Batch/Subscription/" + sub, "Subscription/" + sub + "/UsagePoint",
                                    "Batch/RetailCustomer/" + sub, "RetailCustomer/" + sub + "/Customer"};
    for (const ServicePlan& s : plan.services) {
        const std::string up = "Subscription/" + sub + "/UsagePoint/" + s.usagePointId;
        const std::string mr = up + "/MeterReading/" + s.meterReadingId;
        const auto months = monthlySummaries(plan, s, false);
        out.insert(out.end(), {"Batch/" + up, up, up + "/MeterReading", mr, mr + "/IntervalBlock",
                               mr + "/IntervalBlock/" + blocksOf(plan, s).back().id, up + "/UsageSummary",
                               up + "/UsageSummary/" + months.back().id, "ReadingType/" + s.readingTypeId,
                               "LocalTimeParameters/" + s.localTimeParametersId});
        if (s.service->kind == ServiceKind::Electric)
            out.insert(out.end(), {up + "/ElectricPowerQualitySummary",
                                   up + "/ElectricPowerQualitySummary/" + months.back().id});
    }
    for (const SharedAccount& a : sharedAccounts(plan)) {
        const std::string loc = locationPath(plan, a.id);
        out.insert(out.end(), {customerPath(plan), accountPath(plan, a.id), agreementPath(plan, a.id), loc,
                               loc + "/Meter", loc + "/Meter/" + a.services.front()->usagePointId});
    }
    return out;
}

// Makes sure every resource type validates for every seed utility and customer profile.
// Example failure: a child element out of espi.xsd sequence order, or a missing required field.
TEST_F(EspiSchema, EveryResourceEveryUtility)
{
    std::vector<Doc> docs;
    int n = 0;
    for (const Utility& u : catalogue().utilities) {
        const Client& client = u.clients.at(0);
        for (const Customer& c : u.customers) {
            const Scenario* sc = catalogue().findScenario(c.scenario);
            if (!sc || !sc->customerFound || c.accounts.empty())
                continue;
            const std::string sub = std::to_string(700 + n++);
            AuthorizationRecord r = w.grant(sub, u.id, c.id);
            w.directory.records[sub].historyLengthSeconds = r.historyLengthSeconds = 75 * 86400;
            w.token("t" + sub, TokenClass::CustomerAccess, r);
            for (const std::string& path : resourcePaths(planSubscription(w.ctx, r).value()))
                add(docs, path, "t" + sub);
            w.token("c" + sub, TokenClass::ClientAccess, r);
            w.token("g" + sub, TokenClass::Registration, r);
            add(docs, "Authorization/" + sub, "t" + sub);
            add(docs, "Authorization", "c" + sub);
            add(docs, "Authorization/" + bulkId(client), "c" + sub);
            add(docs, "Bulk/" + bulkId(client), "c" + sub);
            add(docs, "ApplicationInformation/" + applicationInformationId(client), "g" + sub);
            add(docs, "ReadServiceStatus", "c" + sub);
        }
    }
    EXPECT_GE(n, 12); // six utilities x residential/commercial (SSMPUC has two of each)
    EXPECT_EQ(invalidDocs(docs, "all"), std::vector<std::string>{});
}

// Makes sure the full-size commercial Batch feed (13 months, 5 services) validates. Example failure: an
// IntervalBlock on a DST day with a malformed reading.
TEST_F(EspiSchema, FullCommercialBatch)
{
    w.token("t", TokenClass::CustomerAccess, w.grant("1", "DEMOUTILITY", "demoutility-commercial"));
    std::vector<Doc> docs;
    add(docs, "Batch/Subscription/1", "t");
    ASSERT_GT(docs[0].body.size(), 10'000'000u);
    EXPECT_EQ(invalidDocs(docs, "full"), std::vector<std::string>{});
}

// Makes sure the validation bites: the bearer_lowercase and wrong-order cases fail. Example failure: a schema
// path that silently validates nothing.
TEST_F(EspiSchema, InvalidDocumentsAreCaught)
{
    const auto r = w.grant("2", "ESSEX", "essex-residential");
    w.token("t", TokenClass::CustomerAccess, r);
    w.ctx.defects.insert("bearer_lowercase");
    std::vector<Doc> docs;
    add(docs, "Authorization/2", "t");
    std::string swapped = call(w, "LocalTimeParameters/TIMEZONE_2_201", "t").body;
    const std::size_t at = swapped.find("<dstOffset>");
    swapped.insert(swapped.find("<tzOffset>"), swapped.substr(at, swapped.find("</dstOffset>") + 12 - at));
    docs.push_back({"duplicated dstOffset", swapped});
    EXPECT_EQ(invalidDocs(docs, "neg", false).size(), 2u);
}

} // namespace
} // namespace gbc

int main(int argc, char** argv)
{
    return gbc::testing::xmllintTestMain(argc, argv);
}
