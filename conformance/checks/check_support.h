// Small helpers the check families share: labels for messages, RFC 3339 dates, record construction.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "check_types.h"
#include "time_zone.h"

namespace gbc {

// "UsagePoint entry 3" (or "entry 3" when the kind is not a resource), for messages.
std::string entryLabel(const AtomEntry& e);
// `text` in single quotes, cut to 200 characters.
std::string quoted(std::string_view text);
// RFC 3339 date-time: YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm), fields in range.
bool isRfc3339(std::string_view text);
// True when the document carries usage data (UsagePoint, ReadingType or IntervalBlock entries): only then
// can a claimed usage FB be judged by its absence.
bool hasUsageData(const EspiDocument& doc);

// Plausible LocalTimeParameters offsets: whole quarter-hours, tzOffset within [-12 h, +14 h], dstOffset [0, 2 h].
inline constexpr std::int64_t kMinTzOffset = -43200, kMaxTzOffset = 50400, kMaxDstOffset = 7200;
bool isPlausibleOffset(std::int64_t seconds, std::int64_t low, std::int64_t high);
// A DstRuleType word: exactly 8 hex digits.
std::optional<std::uint32_t> parseDstRuleWord(std::string_view text);
// The rules a LocalTimeParameters resource states, when all four fields are present and usable
// (offsets are integers, each rule decodes or is FFFFFFFF).
std::optional<TimeZoneRules> localTimeRules(const EspiDocument& doc, std::uint32_t resource);

CheckDef makeCheck(std::string id, std::string reference, Level level, std::string requirement, std::string family,
                   CheckFn run, std::initializer_list<int> functionBlocks = {});

// The entries of `kind` as AtomEntry references, for range-for loops.
class EntriesOf {
public:
    EntriesOf(const EspiDocument& doc, ResourceKind kind) : doc_(doc), ids_(doc.entriesOf(kind)) {}
    struct Iterator {
        const EspiDocument* doc;
        const std::uint32_t* at;
        const AtomEntry& operator*() const { return doc->entries()[*at]; }
        Iterator& operator++()
        {
            ++at;
            return *this;
        }
        bool operator!=(const Iterator& o) const { return at != o.at; }
    };
    Iterator begin() const { return {&doc_, ids_.data()}; }
    Iterator end() const { return {&doc_, ids_.data() + ids_.size()}; }
    bool empty() const { return ids_.empty(); }

private:
    const EspiDocument& doc_;
    const std::vector<std::uint32_t>& ids_;
};

} // namespace gbc
