// Applies the fault script (fault_script.h) to live requests and to the simulator's own outbound deliveries.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <httplib.h>

#include "authorization_directory.h"
#include "fault_script.h"
#include "http_types.h"
#include "outbound_http.h"

namespace gbc {

// The client a request speaks for: the owner of its bearer token, its HTTP Basic user, or its client_id
// parameter (form, then query); "" when none.
std::string requestClient(const HttpRequest& request, const AuthorizationDirectory& directory);

// Serves `request` through `run` under the fault the book picks: latency sleeps first; `status` answers without
// running the handler; `truncate` sends Content-Length and the first N body bytes, then closes; `reset` sends the
// headers and half the body, then closes; `stall` sends the headers, stays silent N s (wall clock), then closes.
// /__sim admin requests are never faulted.
void serveWithFaults(FaultBook& book, const AuthorizationDirectory& directory, const HttpRequest& request,
                     const std::function<HttpAnswer()>& run, httplib::Response& res);

// An OutboundHttp that consults the book's outbound rules before `inner` sends a delivery.
std::shared_ptr<OutboundHttp> faultingOutbound(std::shared_ptr<FaultBook> book, std::shared_ptr<OutboundHttp> inner);

// GET /__sim/faults (script and hits), POST /__sim/faults (replace; located 400), DELETE /__sim/faults (clear).
std::vector<Route> faultRoutes(std::shared_ptr<FaultBook> book);

} // namespace gbc
