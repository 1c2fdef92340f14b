// The seam between flows and the wire: send a request under a step name and keep the exchange as evidence.
#pragma once

#include <string>

#include "transport.h"

namespace gbc {

class Recorder {
public:
    virtual ~Recorder() = default;
    // Sends `request` and records the exchange under `step` (made unique if already used); returns the record.
    virtual const HttpExchange& record(const std::string& step, const OutgoingRequest& request) = 0;
    // A value that must not appear in evidence (session handles, one-time codes); default: ignored.
    virtual void noteSecret(const std::string& /*value*/, const std::string& /*label*/) {}
};

} // namespace gbc
