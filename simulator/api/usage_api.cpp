// Bills, intervals and billing accounts: meter selection, time window, order, then pagination over light skeletons.
#include "usage_api.h"

#include <algorithm>
#include <limits>

#include "api_errors.h"
#include "authorizations_api.h"
#include "list_query.h"
#include "meters_api.h"
#include "usage_objects.h"

namespace gbc {

namespace {

// meters= and authorizations= (both may be given); neither: every visible meter unless `required`.
Result<std::vector<MeterRef>> selectedMeters(ApiState& state, const ApiCaller& caller, const HttpRequest& req, bool required)
{
    auto meterUids = parseUidList(req, "meters");
    if (!meterUids)
        return meterUids.error();
    auto authUids = parseUidList(req, "authorizations");
    if (!authUids)
        return authUids.error();
    if (meterUids->empty() && authUids->empty()) {
        if (required)
            return Error{api_error::kRequiredParamMissing, "meters", "give meters=<uid,...> or authorizations=<uid,...>"};
        return visibleMeters(state, caller);
    }
    std::vector<MeterRef> out;
    auto add = [&out](const MeterRef& m) {
        if (std::none_of(out.begin(), out.end(), [&](const MeterRef& o) { return o.uid() == m.uid(); }))
            out.push_back(m);
    };
    for (const std::string& uid : meterUids.value()) {
        auto m = visibleMeter(state, caller, uid);
        if (!m)
            return m.error();
        add(m.value());
    }
    for (const std::string& uid : authUids.value()) {
        auto r = visibleAuthorization(state, caller, uid);
        if (!r)
            return r.error();
        if (r->active(state.ctx.clock.now()))
            for (const MeterRef& m : metersOf(state.ctx, r.value()))
                add(m);
    }
    return out;
}

// Collecting, failed, or (profile empty_first_fetch) too soon after the grant: no bills or intervals to list.
bool noDataYet(const ApiState& state, const MeterRef& m, EpochSeconds now)
{
    const AuthorizationRecord& r = m.record();
    if (state.ctx.behaviourFor(r.clientId, ProfileBehaviour::EmptyFirstFetch) && now < r.created + kProfileDelaySeconds)
        return true;
    return now < r.dataReadyAt || r.collectionFailed(now);
}

struct Window {
    EpochSeconds from = 0, to = 0;
    bool earliestFirst = false;
};

Result<Window> listWindow(const ApiCaller& caller, const HttpRequest& req)
{
    Window w{std::numeric_limits<EpochSeconds>::min(), std::numeric_limits<EpochSeconds>::max(), false};
    auto start = parseTimeFilter(req, "start", caller.utility->timeZone);
    if (!start)
        return start.error();
    auto end = parseTimeFilter(req, "end", caller.utility->timeZone);
    if (!end)
        return end.error();
    w.from = start.value().value_or(w.from);
    w.to = end.value().value_or(w.to);
    if (w.to <= w.from)
        return invalidParam("end", "must be later than start");
    if (auto order = req.param("order")) {
        if (*order != "latest_first" && *order != "earliest_first")
            return invalidParam("order", "must be 'latest_first' or 'earliest_first', got '" + *order + "'");
        w.earliestFirst = *order == "earliest_first";
    }
    return w;
}

// A listed object before its body is built: which meter, which period.
struct Slot {
    std::string uid;
    std::size_t meter = 0;
    EpochSeconds start = 0, end = 0;
    std::string periodId;
};

struct SlotPage {
    std::vector<Slot> slots;
    std::optional<std::string> next;
};

Result<SlotPage> orderAndPage(std::vector<Slot> slots, const Window& w, const HttpRequest& req)
{
    std::sort(slots.begin(), slots.end(), [&](const Slot& a, const Slot& b) {
        if (a.start != b.start)
            return w.earliestFirst ? a.start < b.start : a.start > b.start;
        return a.uid < b.uid;
    });
    std::vector<nlohmann::json> skeletons;
    std::map<std::string, Slot> byUid;
    for (const Slot& s : slots) {
        skeletons.push_back({{"uid", s.uid}});
        byUid[s.uid] = s;
    }
    auto page = paginate(skeletons, req);
    if (!page)
        return page.error();
    SlotPage out;
    out.next = page->next;
    for (const nlohmann::json& item : page->items)
        out.slots.push_back(byUid.at(item["uid"].get<std::string>()));
    return out;
}

nlohmann::json listBody(const std::string& key, std::vector<nlohmann::json> items, const std::optional<std::string>& next)
{
    return pageBody(key, Page{std::move(items), next});
}

} // namespace

Result<nlohmann::json> listBillsCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    auto meters = selectedMeters(state, caller, req, true);
    if (!meters)
        return meters.error();
    auto w = listWindow(caller, req);
    if (!w)
        return w.error();
    const EpochSeconds now = state.ctx.clock.now();
    std::vector<Slot> slots;
    for (std::size_t i = 0; i < meters->size(); ++i) {
        const MeterRef& m = meters.value()[i];
        if (noDataYet(state, m, now))
            continue;
        for (const MonthSummary& month : monthlySummaries(m.plan, *m.service, false))
            if (month.end > w->from && month.start < w->to)
                slots.push_back({billUid(m, month), i, month.start, month.end, month.id});
    }
    auto page = orderAndPage(std::move(slots), w.value(), req);
    if (!page)
        return page.error();
    std::vector<nlohmann::json> items;
    for (const Slot& s : page->slots) {
        const MeterRef& m = meters.value()[s.meter];
        if (auto month = findMonthSummary(m.plan, *m.service, s.periodId))
            items.push_back(billJson(m, *month, req.origin()));
    }
    return listBody("bills", std::move(items), page->next);
}

Result<nlohmann::json> listIntervalsCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    auto meters = selectedMeters(state, caller, req, true);
    if (!meters)
        return meters.error();
    auto w = listWindow(caller, req);
    if (!w)
        return w.error();
    const EpochSeconds now = state.ctx.clock.now();
    std::vector<Slot> slots;
    for (std::size_t i = 0; i < meters->size(); ++i) {
        const MeterRef& m = meters.value()[i];
        if (noDataYet(state, m, now))
            continue;
        for (const BlockSpan& b : blocksOf(m.plan, *m.service))
            if (b.end > w->from && b.start < w->to)
                slots.push_back({intervalUid(m, b), i, b.start, b.end, b.id});
    }
    auto page = orderAndPage(std::move(slots), w.value(), req);
    if (!page)
        return page.error();
    std::vector<nlohmann::json> items;
    for (const Slot& s : page->slots) {
        const MeterRef& m = meters.value()[s.meter];
        if (auto block = findBlock(m.plan, *m.service, s.periodId))
            items.push_back(intervalJson(m, *block, w->from, w->to, req.origin()));
    }
    return listBody("intervals", std::move(items), page->next);
}

Result<nlohmann::json> listBillingAccountsCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    auto meters = selectedMeters(state, caller, req, false);
    if (!meters)
        return meters.error();
    std::vector<nlohmann::json> all;
    for (const BillingAccountRef& a : billingAccountsOf(meters.value()))
        all.push_back(billingAccountJson(a));
    auto page = paginate(all, req);
    if (!page)
        return page.error();
    return pageBody("billing_accounts", std::move(page).value());
}

Result<nlohmann::json> getBillingAccountCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    const std::string uid = req.pathMatches.at(1);
    for (const BillingAccountRef& a : billingAccountsOf(visibleMeters(state, caller)))
        if (a.uid == uid)
            return billingAccountJson(a);
    return notFound("billing account " + uid, "no billing account with this uid is visible to this API token");
}

Result<nlohmann::json> filesCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    const std::string kind = req.pathMatches.at(1);
    if (kind != "pdf_bill" && kind != "latest_pdf")
        return notFound("file " + kind, "no such file type; bill PDFs are /files/pdf_bill?uid= and /files/latest_pdf?meter=");
    const std::string param = kind == "pdf_bill" ? "uid" : "meter";
    const auto value = req.param(param);
    if (!value)
        return requiredParamMissing(param);
    const std::string meterUid = kind == "pdf_bill" ? value->substr(0, value->find('_')) : *value;
    auto m = visibleMeter(state, caller, meterUid);
    if (!m)
        return m.error();
    bool proxy = false;
    {
        std::lock_guard lock(state.mutex);
        auto it = state.extras.find(m->record().uid);
        proxy = (it != state.extras.end() && it->second.proxy) || m->plan.utility->defaultAuth == AuthType::Proxy;
    }
    const std::string why = proxy ? "this authorization came through the Green Button proxy, and no utility data-sharing "
                                    "platform makes bill PDFs available over its API"
                                  : "Green Button Connect My Data carries no bill PDFs";
    return Error{api_error::kFileUnavailable, param + "=" + *value,
                 "bill PDFs are not available: " + why + ". Use /api/v2/bills for the bill data."};
}

std::vector<Route> usageRoutes(const ModulePtr& module)
{
    return {
        apiRoute("GET", "/api/v2/bills", module, listBillsCore),
        apiRoute("GET", "/api/v2/intervals", module, listIntervalsCore),
        apiRoute("GET", "/api/v2/accounting/billing-accounts", module, listBillingAccountsCore),
        apiRoute("GET", "/api/v2/accounting/billing-accounts/([A-Za-z0-9_.-]+)", module, getBillingAccountCore),
        apiRoute("GET", "/api/v2/files/([A-Za-z0-9_]+)", module, filesCore),
    };
}

} // namespace gbc
