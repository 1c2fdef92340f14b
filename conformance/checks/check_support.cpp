// Shared helpers for the check families.
#include "check_support.h"

#include "espi_values.h"
#include "time_format.h"

namespace gbc {

std::string entryLabel(const AtomEntry& e)
{
    bool named = e.kind != ResourceKind::None && e.kind != ResourceKind::Unknown && e.kind != ResourceKind::Foreign &&
                 e.kind != ResourceKind::OtherEspi;
    return (named ? std::string(toString(e.kind)) + " entry " : std::string("entry ")) + std::to_string(e.number);
}

std::string quoted(std::string_view text)
{
    if (text.size() > 200)
        return "'" + std::string(text.substr(0, 197)) + "...'";
    return "'" + std::string(text) + "'";
}

namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out)
{
    if (at + n > s.size())
        return false;
    out = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

bool validZone(std::string_view z)
{
    if (z == "Z" || z == "z")
        return true;
    int h = 0, m = 0;
    return z.size() == 6 && (z[0] == '+' || z[0] == '-') && z[3] == ':' && digits(z, 1, 2, h) &&
           digits(z, 4, 2, m) && h <= 23 && m <= 59;
}

} // namespace

bool isRfc3339(std::string_view s)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (s.size() < 20 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
        !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't') || !digits(s, 11, 2, h) || s[13] != ':' ||
        !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > static_cast<int>(daysInMonth(y, static_cast<unsigned>(mo))) || h > 23 ||
        mi > 59 || sec > 60)
        return false;
    std::size_t i = 19;
    if (s[i] == '.') {
        std::size_t f = ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        if (i == f)
            return false;
    }
    return validZone(s.substr(i));
}

bool hasUsageData(const EspiDocument& doc)
{
    return !doc.entriesOf(ResourceKind::UsagePoint).empty() || !doc.entriesOf(ResourceKind::ReadingType).empty() ||
           !doc.entriesOf(ResourceKind::IntervalBlock).empty();
}

bool isPlausibleOffset(std::int64_t seconds, std::int64_t low, std::int64_t high)
{
    return seconds >= low && seconds <= high && seconds % 900 == 0;
}

std::optional<std::uint32_t> parseDstRuleWord(std::string_view text)
{
    if (text.size() != 8)
        return std::nullopt;
    std::uint32_t v = 0;
    for (char ch : text) {
        int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
        if (d < 0)
            return std::nullopt;
        v = v << 4 | static_cast<std::uint32_t>(d);
    }
    return v;
}

std::optional<TimeZoneRules> localTimeRules(const EspiDocument& doc, std::uint32_t resource)
{
    const XmlView& x = doc.xml();
    auto tz = parseInteger(x.text(doc.field(resource, "tzOffset")));
    auto dst = parseInteger(x.text(doc.field(resource, "dstOffset")));
    auto start = parseDstRuleWord(x.text(doc.field(resource, "dstStartRule")));
    auto end = parseDstRuleWord(x.text(doc.field(resource, "dstEndRule")));
    if (!tz || !dst || !start || !end || !isPlausibleOffset(*tz, kMinTzOffset, kMaxTzOffset) ||
        !isPlausibleOffset(*dst, 0, kMaxDstOffset))
        return std::nullopt;
    for (std::uint32_t w : {*start, *end})
        if (w != kNoDstRule && !decodeDstRule(w))
            return std::nullopt;
    TimeZoneRules rules;
    rules.tzOffset = static_cast<std::int32_t>(*tz);
    rules.dstOffset = static_cast<std::int32_t>(*dst);
    rules.dstStartRule = *start;
    rules.dstEndRule = *end;
    return rules;
}

CheckDef makeCheck(std::string id, std::string reference, Level level, std::string requirement, std::string family,
                   CheckFn run, std::initializer_list<int> functionBlocks)
{
    return CheckDef{CheckRecord{std::move(id), std::move(reference), level, std::move(requirement), std::move(family)},
                    std::vector<int>(functionBlocks), run};
}

} // namespace gbc
