// A bounded per-client request journal (capped by count and bytes, oldest dropped, drops counted) for client grading.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clock.h"
#include "report.h"

namespace gbc {

// What a journaled exchange was, as far as the client checks care.
enum class EntryKind { Authorize, CodeIssued, Token, Revoke, Espi, Api, Odr, Notification, Webhook, Other };
const char* toString(EntryKind k);

// One request the client made to the simulator (or one delivery the simulator made to the client), redacted.
struct JournalEntry {
    std::uint64_t seq = 0;   // 1, 2, ... within the client's journal; never reused, not reset by drops
    EntryKind kind = EntryKind::Other;
    bool outbound = false;   // true: the simulator sent it (notification, webhook, code redirect)
    std::string method, path;
    std::string query;       // "a=1&b=2" as received, secret fields masked
    HeaderList headers;      // a few request headers, credentials masked
    int status = 0;          // the answer's status (0: no answer for an outbound delivery)
    EpochSeconds simTime = 0; // simulator clock
    std::int64_t wallMs = 0;  // wall clock, milliseconds since the epoch
    std::string token;       // fingerprint of the bearer / refresh token / code used, "" when none
    std::map<std::string, std::string> facts; // what the checks need (see simulator/grading/README.md)

    std::string fact(const std::string& name) const;
    bool has(const std::string& name) const { return facts.count(name) != 0; }
    std::size_t bytes() const; // approximate memory held
};

struct JournalCap {
    std::size_t entries = 5000;
    std::size_t bytes = 4 * 1024 * 1024;
};

// A copy of one client's journal at one moment.
struct JournalSnapshot {
    std::string clientId, utilityId;
    std::vector<JournalEntry> entries; // oldest first
    JournalCap cap;
    std::uint64_t dropped = 0;  // entries dropped (oldest first) since the window began
    std::uint64_t seen = 0;     // entries recorded since the window began
    EpochSeconds simNow = 0;
    std::int64_t wallNowMs = 0;
};

// Thread-safe; one per client.
class ClientJournal {
public:
    ClientJournal(std::string clientId, std::string utilityId, JournalCap cap);
    void add(JournalEntry entry);
    void clear(); // a new grading window: entries and counters reset
    JournalSnapshot snapshot(EpochSeconds simNow, std::int64_t wallNowMs) const;
    std::size_t size() const;
    std::size_t heldBytes() const;

private:
    const std::string clientId_, utilityId_;
    const JournalCap cap_;
    mutable std::mutex mutex_;
    std::deque<JournalEntry> entries_;
    std::size_t bytes_ = 0;
    std::uint64_t nextSeq_ = 1, dropped_ = 0, seen_ = 0;
};

// "t:" + 10 hex digits of SHA-256: names a secret in the journal without revealing it.
std::string fingerprint(const std::string& secret);
std::int64_t wallNowMs();

nlohmann::ordered_json entryToJson(const JournalEntry& e);

} // namespace gbc
