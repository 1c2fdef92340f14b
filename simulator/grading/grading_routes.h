// Admin routes of client grading: /__sim/clients/{id}/grade, /journal (GET, DELETE) and /webhook-probe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "http_types.h"
#include "journal_observer.h"

namespace gbc {

inline constexpr std::size_t kJournalQueryMaxLimit = 1000; // GET .../journal?limit= above this answers 400

// `outbound` sends the webhook probes (null: cpp-httplib client). `journals` must outlive the routes.
std::vector<Route> gradingRoutes(ClientJournals& journals, std::shared_ptr<OutboundHttp> outbound = nullptr);

// The verification API's filter, parsed from the query with located errors (400 invalid_param naming it).
struct JournalQuery {
    std::string method;       // "" = any; compared case-insensitively
    std::string path;         // "" = any; a prefix of the path, '*' matches any run of characters
    std::uint64_t sinceSeq = 0;   // entries with seq > this
    EpochSeconds sinceTime = 0;   // and simTime >= this (ISO 8601 since=)
    std::size_t limit = 100;
};
Result<JournalQuery> parseJournalQuery(const HttpRequest& req);
bool matches(const JournalQuery& q, const JournalEntry& e);

} // namespace gbc
