// Handlers of the usage tree: access, plan, query, collection delay, then one UsageWriter pass into a string.
#include <optional>

#include "espi_access.h"
#include "espi_call.h"
#include "espi_ids.h"
#include "espi_paths.h"
#include "profile_quirks.h"
#include "summaries.h"

namespace gbc {

namespace {

using R = EspiResource;

Error notFound(const EspiCall& c, const std::string& what)
{
    return Error{kNotFound, c.relativePath, what};
}

// Rough output size, so the buffer grows once: ~13 kB per electric day, ~1 kB per daily reading block.
std::size_t estimateSize(const SubscriptionPlan& plan, const ServicePlan* only)
{
    const std::size_t days = static_cast<std::size_t>((plan.window.end - plan.window.start) / 86400 + 1);
    std::size_t n = 16384;
    for (const ServicePlan& s : plan.services)
        if (!only || only == &s)
            n += s.dailyBlocks ? days * 13200 : days * 110 + 20000;
    return n;
}

// Which subscription (and for ReadingType/LocalTimeParameters which service) the request is about.
Result<UsagePointKey> subjectOf(const EspiCall& c)
{
    const R r = c.target.resource;
    if (r == R::ReadingType || r == R::LocalTimeParameters) {
        const std::string& id = c.target.id("id");
        const auto key = r == R::ReadingType ? parseReadingTypeId(id) : parseLocalTimeParametersId(id);
        if (!key)
            return Error{kNotFound, c.relativePath, "no such " + std::string(r == R::ReadingType ? "ReadingType"
                                                                                                  : "LocalTimeParameters")};
        return *key;
    }
    return UsagePointKey{c.target.id("sub"), 0};
}

Result<const ServicePlan*> serviceOf(const EspiCall& c, const SubscriptionPlan& plan, const UsagePointKey& key)
{
    const R r = c.target.resource;
    if (r == R::ReadingType || r == R::LocalTimeParameters) {
        const ServicePlan* s = plan.findByIndex(key.serviceIndex);
        if (!s)
            return notFound(c, "no such resource in subscription " + key.subscriptionId);
        return s;
    }
    const std::string& up = c.target.id("up");
    if (up.empty())
        return static_cast<const ServicePlan*>(nullptr);
    const ServicePlan* s = plan.findByUsagePoint(up);
    if (!s)
        return notFound(c, "no UsagePoint '" + up + "' in subscription " + plan.record.uid);
    const std::string& mr = c.target.id("mr");
    if (!mr.empty() && mr != s->meterReadingId)
        return notFound(c, "no MeterReading '" + mr + "' under UsagePoint " + up);
    return s;
}

std::string feedTitle(R r)
{
    switch (r) {
    case R::UsagePointFeed: return "UsagePoint feed";
    case R::MeterReadingFeed: return "MeterReading feed";
    case R::IntervalBlockFeed: return "IntervalBlock feed";
    case R::UsageSummaryFeed: return "UsageSummary feed";
    case R::PowerQualityFeed: return "ElectricPowerQualitySummary feed";
    default: return "Green Button subscription feed";
    }
}

// Single entries: returns nullopt when the named item does not exist.
std::optional<Error> writeEntry(const EspiCall& c, UsageWriter& w, const ServicePlan& s)
{
    const std::string& id = c.target.id("id");
    switch (c.target.resource) {
    case R::UsagePoint: w.usagePoint(s); break;
    case R::MeterReading: w.meterReading(s); break;
    case R::ReadingType: w.readingType(s); break;
    case R::LocalTimeParameters: w.localTimeParameters(s); break;
    case R::IntervalBlock: {
        const auto b = findBlock(w.plan, s, id);
        if (!b)
            return notFound(c, "no IntervalBlock '" + id + "' in MeterReading " + s.meterReadingId);
        w.intervalBlock(s, *b);
        break;
    }
    case R::UsageSummary:
    case R::PowerQuality: {
        const auto m = findMonthSummary(w.plan, s, id);
        const bool epqs = c.target.resource == R::PowerQuality;
        if (!m || (epqs && s.service->kind != ServiceKind::Electric))
            return notFound(c, std::string("no ") + (epqs ? "ElectricPowerQualitySummary" : "UsageSummary") + " '" +
                                   id + "' under UsagePoint " + s.usagePointId);
        epqs ? w.powerQuality(s, *m) : w.usageSummary(s, *m);
        break;
    }
    default: break;
    }
    return std::nullopt;
}

void writeFeedEntries(const EspiCall& c, UsageWriter& w, const ServicePlan* s)
{
    switch (c.target.resource) {
    case R::UsagePointFeed:
        for (const ServicePlan& each : w.plan.services)
            w.usagePoint(each);
        break;
    case R::MeterReadingFeed: w.meterReading(*s); break;
    case R::IntervalBlockFeed: w.intervalBlocks(*s); break;
    case R::UsageSummaryFeed: w.usageSummaries(*s); break;
    case R::PowerQualityFeed: w.powerQualities(*s); break;
    case R::BatchUsagePoint: w.wholeService(*s); break;
    default:
        for (const ServicePlan& each : w.plan.services)
            w.wholeService(each);
    }
}

bool isSingleEntry(R r)
{
    return r == R::UsagePoint || r == R::MeterReading || r == R::IntervalBlock || r == R::UsageSummary ||
           r == R::PowerQuality || r == R::ReadingType || r == R::LocalTimeParameters;
}

} // namespace

HttpAnswer handleUsage(const EspiCall& c)
{
    const auto key = subjectOf(c);
    if (!key)
        return espiErrorAnswer(key.error());
    const R r = c.target.resource;
    const bool lenientClass = r == R::ReadingType || r == R::LocalTimeParameters ||
                              (c.target.isBatch() && c.ctx.defect("wrong_token_class_accepted"));
    const auto record = subscriptionAccess(c.ctx, c.token, key->subscriptionId, lenientClass);
    if (!record)
        return espiErrorAnswer(record.error());
    const auto plan = planSubscription(c.ctx, *record);
    if (!plan)
        return espiErrorAnswer(Error{kNotFound, c.relativePath, plan.error().message});
    const auto query = parseFeedQuery(c.req, c.ctx.defect("bad_query_accepted"));
    if (!query)
        return espiErrorAnswer(query.error());
    if (auto async = asyncBatchAnswer(c.ctx, c.target, *record, c.now))
        return *async;
    if (c.target.isBatch() && c.now < record->dataReadyAt)
        return collectingAnswer(record->dataReadyAt, c.now);
    const auto service = serviceOf(c, *plan, *key);
    if (!service)
        return espiErrorAnswer(service.error());
    std::string out;
    out.reserve(isSingleEntry(r) ? 16384 : estimateSize(*plan, *service));
    AtomDocument doc(out, c.atomOptions(*query));
    UsageWriter w{doc, *plan, c.dataDefects(), isSingleEntry(r) ? EntryMode::Root : EntryMode::InFeed};
    if (isSingleEntry(r)) {
        if (const auto missing = writeEntry(c, w, **service))
            return espiErrorAnswer(*missing);
        return atomAnswer(std::move(out));
    }
    std::vector<WrittenLink> extra;
    if (r == R::Subscription || r == R::BatchSubscription)
        extra.push_back({"related", certificationLink(*plan->utility), "text/html"});
    doc.beginFeed(c.relativePath, feedTitle(r), c.now, extra);
    if (!emptyFirstFetch(c.ctx, *record, c.now)) // profile empty_first_fetch: a feed with no entries at first
        writeFeedEntries(c, w, *service);
    doc.endFeed();
    return atomAnswer(std::move(out));
}

} // namespace gbc
