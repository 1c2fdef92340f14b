// Canned exchanges for the check tests (no sockets).
#include "canned.h"

#include <stdexcept>

#include "runner_families.h"

namespace gbc::canned {

HttpExchange answer(int status, const std::string& body, HeaderList headers)
{
    HttpExchange e;
    e.method = "GET";
    e.url = "http://dc.example/x";
    e.status = status;
    e.responseBody = body;
    e.responseHeaders = std::move(headers);
    e.id = "v#" + std::to_string(status);
    return e;
}

HttpExchange json(int status, const std::string& body, HeaderList extra)
{
    extra.emplace_back("Content-Type", "application/json");
    return answer(status, body, extra);
}

HttpExchange redirect(const std::string& location) { return answer(302, "", {{"Location", location}}); }

Outcome run(const std::string& checkId, const Observation& obs)
{
    for (const RunnerCheck& c : runnerChecks())
        if (c.record.id == checkId)
            return c.run(obs);
    throw std::runtime_error("no check " + checkId);
}

} // namespace gbc::canned
