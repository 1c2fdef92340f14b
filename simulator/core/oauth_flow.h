// The authorize session state machine: verification page(s), one-time code, consent, then code or error.
#pragma once

#include <string>

#include "http_types.h"
#include "oauth_records.h"
#include "sim_context.h"
#include "sim_store.h"

namespace gbc {

// Everything a step needs besides the session itself.
struct FlowEnv {
    SimContext& ctx;
    SimStore& store;
    const Utility& utility;
    const Client& client;
    std::string formAction; // the authorize path (both mounts post back to where they started)
};

// First page of a freshly validated session (already stored): the verification form, or, when the scope's
// auth hint carries a value, the step it lets the customer skip (auth-test-X → consent, lookup match → code).
HttpAnswer beginVerification(const FlowEnv& env, FlowState flow);

// One POST of the authorize forms: fields action (verify | otp | method | cancel) or decision (approve | decline).
HttpAnswer continueFlow(const FlowEnv& env, FlowState flow, const HttpRequest& req);

} // namespace gbc
