// One authenticated ESPI request on its way through the handlers, and the helpers they share.
#pragma once

#include <string>

#include "admin_entries.h"
#include "atom_writer.h"
#include "espi_target.h"
#include "http_types.h"
#include "sim_context.h"
#include "usage_entries.h"

namespace gbc {

struct EspiCall {
    SimContext& ctx;
    const HttpRequest& req;
    TokenInfo token;
    EspiTarget target;
    std::string relativePath; // request path after /DataCustodian/espi/1_1/resource/, no trailing '/'
    EndpointUrls urls;
    EpochSeconds now = 0;

    DataDefects dataDefects() const
    {
        return {ctx.defect("interval_gap"), ctx.defect("wrong_dst_rule"), ctx.defect("history_gap"),
            ctx.defect("missing_block"), ctx.defect("ltp_differs_outside_batch") && !target.isBatch(), ctx.defect("element_order"),
            ctx.defect("dst_hour_lost_at_seam")};
    }
    AtomOptions atomOptions(FeedQuery q) const
    {
        if (ctx.defect("paging_ignored")) {
            q.maxResults.reset();
            q.startIndex = 1;
        }
        if (ctx.defect("updated_filter_ignored"))
            q.updatedMin.reset(), q.updatedMax.reset();
        return AtomOptions{urls.base, q, ctx.defect("duplicate_atom_id"), ctx.defect("query_param_ignored"),
            ctx.defect("atom_id_by_position")};
    }
};

inline HttpAnswer atomAnswer(std::string body)
{
    return HttpAnswer::make(200, std::string(kAtomContentType), std::move(body));
}

// 202 Accepted, empty body, Retry-After: the Batch data of a fresh authorization is still being "collected".
inline HttpAnswer collectingAnswer(EpochSeconds readyAt, EpochSeconds now)
{
    HttpAnswer a = HttpAnswer::make(202, "text/plain; charset=utf-8", "");
    a.withHeader("Retry-After", std::to_string(readyAt - now > 0 ? readyAt - now : 1));
    return a;
}

HttpAnswer handleAdmin(const EspiCall& call);    // ReadServiceStatus, ApplicationInformation, Authorization, Bulk
HttpAnswer handleUsage(const EspiCall& call);    // Subscription tree, Batch/Subscription, ReadingType, LTP
HttpAnswer handleCustomer(const EspiCall& call); // RetailCustomer tree and Batch/RetailCustomer

} // namespace gbc
