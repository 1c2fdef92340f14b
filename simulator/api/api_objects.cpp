// JSON API object bodies: Authorization, Meter and Form.
#include "api_objects.h"

#include "summaries.h"
#include "time_format.h"

namespace gbc {

namespace {

nlohmann::json isoOrNull(const std::optional<EpochSeconds>& t)
{
    return t ? nlohmann::json(formatIsoMicros(*t)) : nlohmann::json(nullptr);
}

nlohmann::json textOrNull(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

std::string collectionErrorMessage(const std::string& noteType)
{
    if (noteType == "access_invalid")
        return "The utility login failed while collecting data";
    if (noteType == "website_down")
        return "The utility website was down while collecting data";
    return "The utility answered with an error while collecting data";
}

// The failed-collection note ({type, msg, ts}) of an authorization or meter whose scenario's collection fails.
nlohmann::json collectionErrorNote(const AuthorizationRecord& r)
{
    return {{"type", r.collectionError}, {"msg", collectionErrorMessage(r.collectionError)},
            {"ts", formatIsoMicros(std::max(r.created, r.dataReadyAt))}};
}

} // namespace

std::string localIso(const Utility& u, EpochSeconds t) { return formatIsoMicros(t, utcOffsetAt(u.timeZone, t)); }

std::string formUidOf(const Client& client) { return "form-" + client.clientId; }

nlohmann::json formJson(const Client& client, const Utility& utility, const std::string& origin)
{
    const std::string uid = formUidOf(client);
    return {{"uid", uid},
            {"template_uid", nullptr},
            {"utility", utility.id},
            {"customer_email", nullptr},
            {"url", utility.allows(AuthType::Proxy)
                        ? origin + "/gb-proxy/" + uid
                        : origin + "/DataCustodian/" + utility.id + "/oauth/authorize?response_type=code&client_id=" + client.clientId},
            {"is_archived", false}};
}

nlohmann::json authorizationJson(const SimContext& ctx, const AuthorizationRecord& r, const AuthorizationExtras& extras,
                                 EpochSeconds now)
{
    const Utility* u = ctx.catalogue.findUtility(r.utilityId);
    const Customer* c = u ? u->findCustomer(r.customerId) : nullptr;
    const bool pending = r.active(now) && now < r.dataReadyAt;
    const bool failed = r.collectionFailed(now);
    const bool expired = r.expires != 0 && now >= r.expires;
    nlohmann::json scope = {{"gbc_scope", r.scope},
                            {"function_blocks", r.functionBlocks},
                            {"history_length_seconds", r.historyLengthSeconds},
                            {"expires", r.expires ? nlohmann::json(formatIsoMicros(r.expires)) : nlohmann::json("until_revoked")}};
    return {
        {"uid", r.uid},
        {"created", formatIsoMicros(r.created)},
        {"customer_email", c ? textOrNull(c->email) : nlohmann::json(nullptr)},
        {"customer_signature", nullptr},
        {"declined", isoOrNull(r.declinedAt)},
        {"is_declined", r.declinedAt.has_value()},
        {"expires", r.expires ? nlohmann::json(formatIsoMicros(r.expires)) : nlohmann::json(nullptr)},
        {"is_expired", expired},
        {"exports", nlohmann::json::object()},
        {"exports_list", nlohmann::json::array()},
        {"template_uid", nullptr},
        {"form_uid", textOrNull(extras.formUid)},
        {"is_archived", false},
        {"is_test", r.isTest},
        {"scope", scope},
        {"nickname", nullptr},
        {"notes", failed ? nlohmann::json::array({collectionErrorNote(r)}) : nlohmann::json::array()},
        {"revoked", isoOrNull(r.revokedAt)},
        {"is_revoked", r.revokedAt.has_value()},
        {"status", pending ? "pending" : failed ? "errored" : "updated"},
        {"status_message", pending ? "Collecting data from the utility"
                           : failed ? collectionErrorMessage(r.collectionError) : "Finished collecting data"},
        {"status_ts", formatIsoMicros(pending ? r.created : std::max(r.created, r.dataReadyAt))},
        {"user_uid", r.clientId},
        {"user_email", nullptr},
        {"user_status", "active"},
        {"utility", r.utilityId},
    };
}

std::string serviceClass(const MeterRef& m)
{
    return std::string(m.plan.commercial ? "com-" : "res-") + toString(m.service->service->kind);
}

nlohmann::json meterBase(const MeterRef& m)
{
    const ServicePlan& s = *m.service;
    return {
        {"service_identifier", s.service->meterNumber},
        {"service_tariff", s.service->tariff},
        {"service_class", serviceClass(m)},
        {"service_address", s.account->address},
        {"meter_numbers", {s.service->meterNumber}},
        {"billing_contact", textOrNull(m.plan.customer->name)},
        {"billing_address", s.account->address},
        {"billing_account", s.account->number},
    };
}

namespace {

// bill/interval counts and coverage once the data is collected.
void addCoverage(nlohmann::json& j, const MeterRef& m, bool ready)
{
    const Utility& u = *m.plan.utility;
    const auto bills = ready ? monthlySummaries(m.plan, *m.service, false) : std::vector<MonthSummary>{};
    j["bill_count"] = bills.size();
    j["bill_coverage"] = nlohmann::json::array();
    if (!bills.empty())
        j["bill_coverage"].push_back({localIso(u, bills.front().start), localIso(u, bills.back().end)});
    j["bill_sources"] = bills.empty() ? nlohmann::json::array() : nlohmann::json::array({"greenbutton_cmd"});
    const TimeWindow w = m.plan.window;
    std::int64_t count = 0;
    if (ready && w.start < w.end) {
        if (m.service->readingType.intervalLength == 900)
            count = (w.end - w.start) / 900;
        else
            for (EpochSeconds d = w.start; d < w.end; d = nextLocalDayStart(u.timeZone, d))
                ++count;
    }
    j["interval_count"] = count;
    j["interval_coverage"] = nlohmann::json::array();
    if (count > 0)
        j["interval_coverage"].push_back({localIso(u, w.start), localIso(u, w.end)});
    j["interval_sources"] = count > 0 ? nlohmann::json::array({"greenbutton_cmd"}) : nlohmann::json::array();
}

} // namespace

nlohmann::json meterJson(const MeterRef& m, const MeterRuntime* rt, EpochSeconds now, bool expand)
{
    const AuthorizationRecord& r = m.record();
    const bool collecting = rt && rt->collectionRequested && now < rt->collectionReadyAt;
    const bool pending = now < r.dataReadyAt || collecting;
    const EpochSeconds statusTs = collecting ? rt->collectionStartedAt : std::max(r.created, r.dataReadyAt);
    nlohmann::json notes = nlohmann::json::array();
    const bool failed = !pending && r.collectionFailed(now);
    if (pending)
        notes.push_back({{"type", "waiting"}, {"msg", "Collecting data from the utility"}, {"ts", formatIsoMicros(statusTs)},
                         {"eta", formatIsoMicros(collecting ? rt->collectionReadyAt : r.dataReadyAt)}});
    if (failed)
        notes.push_back(collectionErrorNote(r));
    nlohmann::json j = {
        {"uid", m.uid()},
        {"authorization_uid", r.uid},
        {"created", formatIsoMicros(r.created)},
        {"user_email", nullptr},
        {"user_uid", r.clientId},
        {"is_archived", false},
        {"is_activated", true},
        {"is_expanded", expand},
        {"notes", notes},
        {"status", pending ? "pending" : failed ? "errored" : "updated"},
        {"status_message", pending ? "Collecting data from the utility"
                           : failed ? collectionErrorMessage(r.collectionError) : "Finished collecting data"},
        {"status_ts", formatIsoMicros(statusTs)},
        {"ongoing_monitoring",
         {{"frequency", rt ? rt->frequency : "off"},
          {"prepay", rt && !rt->prepay.empty() ? nlohmann::json(rt->prepay) : nlohmann::json(nullptr)},
          {"next_prepay", nullptr},
          {"next_refresh", nullptr},
          {"fixed_refresh_day", rt && rt->fixedRefreshDay ? nlohmann::json(rt->fixedRefreshDay) : nlohmann::json(nullptr)}}},
        {"utility", r.utilityId},
        {"exports", nlohmann::json::object()},
        {"exports_list", nlohmann::json::array()},
        {"blocks", {"base"}},
        {"other_devices", nlohmann::json::array()},
        {"programs", nlohmann::json::array()},
        {"suppliers", nlohmann::json::array()},
    };
    addCoverage(j, m, now >= r.dataReadyAt && !failed);
    if (expand)
        j["base"] = meterBase(m);
    return j;
}

} // namespace gbc
