// ESPI profile quirks: each a small pure decision over the context's behaviours and the request.
#include "profile_quirks.h"

#include "time_format.h"

namespace gbc {

namespace {

const char* const kDateParams[] = {"published-min", "published-max", "updated-min", "updated-max"};

// No error document, no located message: what those custodians' front ends answer.
HttpAnswer bare400()
{
    return HttpAnswer::make(400, "text/plain; charset=utf-8", "Bad Request");
}

// "2025-06-01T00:00:00.5Z": a '.' after the seconds.
bool hasFraction(const std::string& value)
{
    const std::size_t t = value.find('T');
    return t != std::string::npos && value.find('.', t) != std::string::npos;
}

} // namespace

std::optional<HttpAnswer> queryRefusal(const SimContext& ctx, const HttpRequest& req, EpochSeconds now)
{
    if (ctx.behaviour(ProfileBehaviour::SubSecondTimestamps400))
        for (const char* name : kDateParams)
            if (const auto v = req.param(name); v && hasFraction(*v))
                return bare400();
    if (ctx.behaviour(ProfileBehaviour::FuturePublishedMax400))
        if (const auto v = req.param("published-max")) {
            const auto t = parseIso8601(*v);
            if (t && *t > now)
                return bare400();
        }
    return std::nullopt;
}

std::optional<HttpRequest> queryRewrite(const SimContext& ctx, const HttpRequest& req)
{
    if (!ctx.behaviour(ProfileBehaviour::PublishedMinDayCeiling) || req.query.count("published-min") != 1)
        return std::nullopt;
    const auto t = parseIso8601(*req.param("published-min"));
    if (!t || *t % 86400 == 0)
        return std::nullopt; // malformed values are the query parser's to refuse
    HttpRequest out = req;
    const EpochSeconds ceiling = (*t / 86400 + (*t >= 0 ? 1 : 0)) * 86400;
    out.query.find("published-min")->second = formatIso8601(ceiling);
    return out;
}

std::optional<HttpAnswer> asyncBatchAnswer(const SimContext& ctx, const EspiTarget& target,
                                           const AuthorizationRecord& record, EpochSeconds now)
{
    if (!ctx.behaviour(ProfileBehaviour::AsyncBatch))
        return std::nullopt;
    if (target.resource == EspiResource::Subscription || target.resource == EspiResource::UsagePointFeed)
        return HttpAnswer::make(404, "text/plain; charset=utf-8",
                                "Resources are listed only in the BatchList sent to the notify URI.");
    if (target.resource != EspiResource::BatchSubscription && target.resource != EspiResource::BatchUsagePoint)
        return std::nullopt;
    ProfileState& state = *ctx.profileState;
    if (state.batchDelivered(record.uid))
        return std::nullopt;
    state.requestBatch(record.uid);
    if (ctx.behaviour(ProfileBehaviour::NotifyBefore202) && state.deliverNow)
        state.deliverNow();
    else if (state.wakePump)
        state.wakePump();
    HttpAnswer a = HttpAnswer::make(202, "text/plain; charset=utf-8", "");
    const EpochSeconds wait = record.dataReadyAt > now ? record.dataReadyAt - now : kAsyncBatchRetrySeconds;
    a.withHeader("Retry-After", std::to_string(wait));
    return a;
}

bool emptyFirstFetch(const SimContext& ctx, const AuthorizationRecord& record, EpochSeconds now)
{
    return ctx.behaviour(ProfileBehaviour::EmptyFirstFetch) && now < record.created + kProfileDelaySeconds;
}

} // namespace gbc
