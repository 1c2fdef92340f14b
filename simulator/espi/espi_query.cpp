// Query parameter parsing and the date filter of ESPI feeds.
#include "espi_query.h"

#include <string>

#include "time_format.h"

namespace gbc {

namespace {

Error badParam(const HttpRequest& req, const std::string& name, const std::string& value, const std::string& why)
{
    return Error{"espi.bad_request", req.path + "?" + name, "'" + value + "' is not " + why};
}

std::optional<std::int64_t> parseCount(const std::string& v)
{
    if (v.empty() || v.size() > 9)
        return std::nullopt;
    std::int64_t n = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

} // namespace

Result<FeedQuery> parseFeedQuery(const HttpRequest& req, bool lenient)
{
    FeedQuery q;
    std::optional<std::int64_t> maxResults, depth;
    struct DateParam {
        const char* name;
        std::optional<EpochSeconds>* slot;
    };
    const DateParam dates[] = {{"published-min", &q.publishedMin}, {"published-max", &q.publishedMax},
                               {"updated-min", &q.updatedMin}, {"updated-max", &q.updatedMax}};
    for (const DateParam& d : dates) {
        if (req.query.count(d.name) > 1 && !lenient)
            return badParam(req, d.name, "(repeated)", "allowed: give the parameter once");
        if (const auto v = req.param(d.name)) {
            const auto t = parseIso8601(*v);
            if (t)
                *d.slot = *t;
            else if (!lenient)
                return badParam(req, d.name, *v, "an ISO 8601 date-time such as 2024-09-01T00:00:00Z");
        }
    }
    struct CountParam {
        const char* name;
        std::optional<std::int64_t>* slot;
    };
    std::optional<std::int64_t> startIndex;
    const CountParam counts[] = {{"max-results", &maxResults}, {"start-index", &startIndex}, {"depth", &depth}};
    for (const CountParam& c : counts) {
        if (req.query.count(c.name) > 1 && !lenient)
            return badParam(req, c.name, "(repeated)", "allowed: give the parameter once");
        if (const auto v = req.param(c.name)) {
            const auto n = parseCount(*v);
            if (n)
                *c.slot = *n;
            else if (!lenient)
                return badParam(req, c.name, *v, "a non-negative integer of at most 9 digits");
        }
    }
    q.maxResults = maxResults;
    if (depth && (!q.maxResults || *depth < *q.maxResults))
        q.maxResults = depth;
    q.startIndex = startIndex && *startIndex > 1 ? *startIndex : 1;
    return q;
}

bool passesDateFilter(const FeedQuery& q, const EntryTimes& e, bool ignorePublishedOnIntervals)
{
    if (e.intervalTimed) {
        const bool usePublished = !ignorePublishedOnIntervals;
        if (usePublished && q.publishedMin && e.intervalStart < *q.publishedMin)
            return false;
        if (usePublished && q.publishedMax && e.intervalEnd > *q.publishedMax)
            return false;
        if (q.updatedMin && e.intervalStart < *q.updatedMin)
            return false;
        if (q.updatedMax && e.intervalEnd > *q.updatedMax)
            return false;
        return true;
    }
    if (q.publishedMin && e.published < *q.publishedMin)
        return false;
    if (q.publishedMax && e.published > *q.publishedMax)
        return false;
    if (q.updatedMin && e.updated < *q.updatedMin)
        return false;
    if (q.updatedMax && e.updated > *q.updatedMax)
        return false;
    return true;
}

} // namespace gbc
