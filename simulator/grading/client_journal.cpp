// Bounded per-client journal: FIFO with count and byte caps; entries rendered as JSON for the verification API.
#include "client_journal.h"

#include <chrono>

#include "secure_random.h"

namespace gbc {

const char* toString(EntryKind k)
{
    switch (k) {
    case EntryKind::Authorize: return "authorize";
    case EntryKind::CodeIssued: return "code-issued";
    case EntryKind::Token: return "token";
    case EntryKind::Revoke: return "revoke";
    case EntryKind::Espi: return "espi";
    case EntryKind::Api: return "api";
    case EntryKind::Odr: return "odr";
    case EntryKind::Notification: return "notification";
    case EntryKind::Webhook: return "webhook";
    case EntryKind::Other: return "other";
    }
    return "other";
}

std::string JournalEntry::fact(const std::string& name) const
{
    auto it = facts.find(name);
    return it == facts.end() ? std::string() : it->second;
}

std::size_t JournalEntry::bytes() const
{
    std::size_t n = sizeof(JournalEntry) + method.size() + path.size() + query.size() + token.size();
    for (const auto& [k, v] : headers)
        n += k.size() + v.size() + 64;
    for (const auto& [k, v] : facts)
        n += k.size() + v.size() + 96; // map node overhead
    return n;
}

ClientJournal::ClientJournal(std::string clientId, std::string utilityId, JournalCap cap)
    : clientId_(std::move(clientId)), utilityId_(std::move(utilityId)), cap_(cap)
{
}

void ClientJournal::add(JournalEntry entry)
{
    std::lock_guard lock(mutex_);
    entry.seq = nextSeq_++;
    ++seen_;
    bytes_ += entry.bytes();
    entries_.push_back(std::move(entry));
    while (!entries_.empty() && (entries_.size() > cap_.entries || bytes_ > cap_.bytes)) {
        bytes_ -= entries_.front().bytes();
        entries_.pop_front();
        ++dropped_;
    }
}

void ClientJournal::clear()
{
    std::lock_guard lock(mutex_);
    entries_.clear();
    entries_.shrink_to_fit();
    bytes_ = 0;
    dropped_ = 0;
    seen_ = 0;
}

JournalSnapshot ClientJournal::snapshot(EpochSeconds simNow, std::int64_t wallNow) const
{
    std::lock_guard lock(mutex_);
    JournalSnapshot s;
    s.clientId = clientId_;
    s.utilityId = utilityId_;
    s.entries.assign(entries_.begin(), entries_.end());
    s.cap = cap_;
    s.dropped = dropped_;
    s.seen = seen_;
    s.simNow = simNow;
    s.wallNowMs = wallNow;
    return s;
}

std::size_t ClientJournal::size() const
{
    std::lock_guard lock(mutex_);
    return entries_.size();
}

std::size_t ClientJournal::heldBytes() const
{
    std::lock_guard lock(mutex_);
    return bytes_;
}

std::string fingerprint(const std::string& secret)
{
    return secret.empty() ? std::string() : "t:" + sha256Hex(secret).substr(0, 10);
}

std::int64_t wallNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

nlohmann::ordered_json entryToJson(const JournalEntry& e)
{
    nlohmann::ordered_json j;
    j["seq"] = e.seq;
    j["kind"] = toString(e.kind);
    j["direction"] = e.outbound ? "out" : "in";
    j["method"] = e.method;
    j["path"] = e.path;
    j["query"] = e.query;
    nlohmann::ordered_json headers = nlohmann::ordered_json::object();
    for (const auto& [k, v] : e.headers)
        headers[k] = v;
    j["headers"] = headers;
    j["status"] = e.status;
    j["simTime"] = e.simTime;
    j["wallTimeMs"] = e.wallMs;
    j["token"] = e.token;
    nlohmann::ordered_json facts = nlohmann::ordered_json::object();
    for (const auto& [k, v] : e.facts)
        facts[k] = v;
    j["facts"] = facts;
    return j;
}

} // namespace gbc
