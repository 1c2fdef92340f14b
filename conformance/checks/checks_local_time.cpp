// LocalTimeParameters (fields, DST rules, offsets) and the TimeType rule for every epoch field in the document.
#include <array>

#include "check_families.h"
#include "check_support.h"
#include "espi_values.h"
#include "time_format.h"

namespace gbc {

namespace {

// NAESB REQ.21 TimeConfiguration: dstEndRule, dstOffset, dstStartRule and tzOffset are all stated.
CheckOutput checkFields(const CheckContext& c)
{
    CheckOutput out;
    static constexpr std::array<std::string_view, 4> fields{"dstEndRule", "dstOffset", "dstStartRule", "tzOffset"};
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::LocalTimeParameters))
        for (std::string_view f : fields)
            if (c.doc.field(e.resource, f) == kNoElement)
                out.fail(e.resource, entryLabel(e) + " lacks " + std::string(f), std::string(f) + " present",
                         "missing");
    return out;
}

// Why a DstRuleType word names no real date, or empty when it does (or is FFFFFFFF).
std::string ruleProblem(std::uint32_t word)
{
    if (word == kNoDstRule)
        return {};
    Result<DstRule> rule = decodeDstRule(word);
    if (!rule)
        return rule.error().message;
    if (rule->op <= 1 && rule->dayOfMonth > daysInMonth(2024, rule->month))
        return "day " + std::to_string(rule->dayOfMonth) + " does not exist in month " + std::to_string(rule->month);
    return {};
}

// espi.xsd DstRuleType: each rule is 8 hex digits that decode to a date that exists (month, operator, day,
// weekday, hour), or FFFFFFFF for "no DST"; start and end are both FFFFFFFF or both real rules.
CheckOutput checkDstRules(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::LocalTimeParameters)) {
        int none = 0, present = 0;
        for (const char* name : {"dstStartRule", "dstEndRule"}) {
            std::uint32_t el = c.doc.field(e.resource, name);
            if (el == kNoElement)
                continue;
            ++present;
            auto word = parseDstRuleWord(x.text(el));
            std::string problem = word ? ruleProblem(*word) : "not 8 hexadecimal digits";
            if (!problem.empty())
                out.fail(el, entryLabel(e) + " " + name + " is not a real rule: " + problem,
                         "a decodable rule such as 360E2000, or FFFFFFFF", quoted(x.text(el)));
            none += word == kNoDstRule ? 1 : 0;
        }
        if (present == 2 && none == 1)
            out.fail(e.resource, entryLabel(e) + " has one DST rule FFFFFFFF and the other real",
                     "both FFFFFFFF or both real", "one of each");
    }
    return out;
}

// GBA DST guidance: tzOffset is a whole quarter-hour between -12 h and +14 h; dstOffset a quarter-hour from 0 to 2 h.
CheckOutput checkOffsets(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    struct Range {
        const char* name;
        std::int64_t low, high;
    };
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::LocalTimeParameters))
        for (Range r : {Range{"tzOffset", kMinTzOffset, kMaxTzOffset}, Range{"dstOffset", 0, kMaxDstOffset}}) {
            std::uint32_t el = c.doc.field(e.resource, r.name);
            auto v = parseInteger(x.text(el));
            if (el != kNoElement && (!v || !isPlausibleOffset(*v, r.low, r.high)))
                out.fail(el, entryLabel(e) + " " + r.name + " is not a plausible offset in seconds",
                         "a multiple of 900 in [" + std::to_string(r.low) + ", " + std::to_string(r.high) + "]",
                         quoted(x.text(el)));
        }
    return out;
}

bool isEpochField(std::string_view n)
{
    return n == "start" || n == "timeStamp" || n == "statusTimeStamp" || n == "expires_at" ||
           n == "client_id_issued_at";
}

// espi.xsd TimeType: instants are whole seconds since 1970-01-01T00:00:00Z (not milliseconds, not date strings)
// and durations are non-negative whole seconds.
CheckOutput checkEpochSeconds(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    for (std::uint32_t i = 0; i < x.size(); ++i) {
        if (x[i].ns != XmlNs::Espi || x[i].firstChild != kNoElement)
            continue;
        bool epoch = isEpochField(x[i].local);
        if (!epoch && x[i].local != "duration")
            continue;
        std::string_view text = x.text(i);
        auto v = parseInteger(text);
        if (!v)
            out.fail(i, std::string(x[i].local) + " is not an integer number of seconds", "integer seconds",
                     quoted(text));
        else if (epoch && (*v >= kMillisecondEpochThreshold || *v <= -kMillisecondEpochThreshold))
            out.fail(i, std::string(x[i].local) + " looks like milliseconds (TimeType is seconds)",
                     "seconds, e.g. " + std::to_string(*v / 1000), std::string(text));
        else if (!epoch && *v < 0)
            out.fail(i, "duration is negative", ">= 0", std::string(text));
    }
    return out;
}

} // namespace

std::vector<CheckDef> localTimeChecks()
{
    return {
        makeCheck("ESPI-LTP-FIELDS", "NAESB REQ.21 TimeConfiguration", Level::Must,
                  "LocalTimeParameters MUST state dstEndRule, dstOffset, dstStartRule and tzOffset.", "local-time",
                  checkFields),
        makeCheck("ESPI-LTP-DSTRULE", "espi.xsd 4.0 DstRuleType", Level::Must,
                  "DST rules MUST decode to real dates, or both be FFFFFFFF.", "local-time", checkDstRules),
        makeCheck("ESPI-LTP-OFFSETS", "GBA daylight-saving-time guidance", Level::Must,
                  "tzOffset and dstOffset MUST be plausible offsets in seconds.", "local-time", checkOffsets),
        makeCheck("ESPI-TIME-SECONDS", "espi.xsd 4.0 TimeType", Level::Must,
                  "Epoch fields MUST be whole seconds (not milliseconds or dates); durations non-negative seconds.",
                  "time", checkEpochSeconds),
    };
}

} // namespace gbc
