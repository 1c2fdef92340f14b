// Per-function-block ReadingType signatures (GBA D071-D080, D147) and interval cost (FB 12: D043, D058).
#include <algorithm>
#include <array>
#include <set>

#include "check_families.h"
#include "check_support.h"
#include "espi_links.h"
#include "espi_values.h"

namespace gbc {

namespace {

constexpr int kAny = -1;

// One acceptable ReadingType: accumulationBehaviour / commodity / flowDirection / kind / uom (any of three).
struct Pattern {
    int accumulation, commodity, flow, kind;
    std::array<int, 3> uoms;
};

struct Signature {
    const char* id;
    int fb;
    const char* expected;
    std::array<Pattern, 2> alternatives;
    std::size_t count;
};

constexpr std::array<Pattern, 2> one(Pattern p) { return {p, p}; }

// The GBA signature table (reference: FB_05-FB_11, FB_29 XSLT tests).
constexpr std::array<Signature, 10> kSignatures{{
    {"ESPI-D071", 6, "accumulation 12, kind 37, uom 38 (W)", one({12, kAny, kAny, 37, {38, 38, 38}}), 1},
    {"ESPI-D072", 6, "accumulation 12, kind 12, uom 61 (VA)", one({12, kAny, kAny, 12, {61, 61, 61}}), 1},
    {"ESPI-D073", 6, "accumulation 12, kind 12, uom 63 (VAr)", one({12, kAny, kAny, 12, {63, 63, 63}}), 1},
    {"ESPI-D074", 7, "4/1/4/12/72 (net interval Wh)", one({4, 1, 4, 12, {72, 72, 72}}), 1},
    {"ESPI-D076", 8, "4/1/19/12/72 (reverse interval Wh)", one({4, 1, 19, 12, {72, 72, 72}}), 1},
    {"ESPI-D077", 9, "1/1/1/12/72 (register Wh)", one({1, 1, 1, 12, {72, 72, 72}}), 1},
    {"ESPI-D078", 5, "4/1/1/12/72 (forward interval Wh)", one({4, 1, 1, 12, {72, 72, 72}}), 1},
    {"ESPI-D079", 10, "commodity 7 with kind 12 and uom 31|132|169, or kind 58 and uom 42|119",
     {{{kAny, 7, kAny, 12, {31, 132, 169}}, {kAny, 7, kAny, 58, {42, 119, 119}}}}, 2},
    {"ESPI-D080", 11, "4/9/1/58 with uom 128|119|42 (water volume)", one({4, 9, 1, 58, {128, 119, 42}}), 1},
    {"ESPI-D147", 29, "kind 46, uom 6 (K)", one({kAny, kAny, kAny, 46, {6, 6, 6}}), 1},
}};

struct Codes {
    std::int64_t accumulation = -2, commodity = -2, flow = -2, kind = -2, uom = -2;
};

Codes codesOf(const EspiDocument& doc, std::uint32_t rt)
{
    auto read = [&](std::string_view f) { return parseInteger(doc.xml().text(doc.field(rt, f))).value_or(-2); };
    return Codes{read("accumulationBehaviour"), read("commodity"), read("flowDirection"), read("kind"), read("uom")};
}

bool matches(const Pattern& p, const Codes& c)
{
    auto eq = [](int want, std::int64_t got) { return want == kAny || want == got; };
    bool uom = c.uom == p.uoms[0] || c.uom == p.uoms[1] || c.uom == p.uoms[2] || p.uoms[0] == kAny;
    return eq(p.accumulation, c.accumulation) && eq(p.commodity, c.commodity) && eq(p.flow, c.flow) &&
           eq(p.kind, c.kind) && uom;
}

std::string describe(const Codes& c)
{
    return std::to_string(c.accumulation) + "/" + std::to_string(c.commodity) + "/" + std::to_string(c.flow) + "/" +
           std::to_string(c.kind) + "/" + std::to_string(c.uom);
}

// A claimed data FB requires at least one ReadingType in the document with that FB's signature.
CheckOutput matchSignature(const CheckContext& c, const Signature& s)
{
    if (!hasUsageData(c.doc))
        return CheckOutput::skip("the document holds no usage data");
    std::string seen;
    std::uint32_t closest = kNoElement;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::ReadingType)) {
        Codes codes = codesOf(c.doc, e.resource);
        for (std::size_t i = 0; i < s.count; ++i)
            if (matches(s.alternatives[i], codes))
                return {};
        int wanted = s.alternatives[0].commodity;
        if (closest == kNoElement || (wanted != kAny && codes.commodity == wanted))
            closest = e.resource;
        seen += (seen.empty() ? "" : ", ") + describe(codes);
    }
    CheckOutput out;
    out.fail(closest, "no ReadingType carries the FB " + std::to_string(s.fb) + " signature", s.expected,
             seen.empty() ? "no ReadingType" : "accumulation/commodity/flow/kind/uom " + seen);
    return out;
}

template <std::size_t I>
CheckOutput checkSignature(const CheckContext& c)
{
    return matchSignature(c, kSignatures[I]);
}

// GBA D043 (FB 12): interval readings carry their cost.
CheckOutput checkD043(const CheckContext& c)
{
    if (c.doc.blocks().empty())
        return CheckOutput::skip("the document holds no IntervalBlock");
    for (const BlockData& b : c.doc.blocks())
        for (const ReadingData& r : c.doc.readings(b))
            if (r.hasCost)
                return {};
    CheckOutput out;
    out.fail(c.doc.blocks().front().element, "no IntervalReading carries a cost", "IntervalReading/cost present",
             "none in " + std::to_string(c.doc.blocks().size()) + " blocks");
    return out;
}

// GBA D058 (FB 12): the ReadingType of readings that carry cost names the currency of that cost.
CheckOutput checkD058(const CheckContext& c)
{
    CheckOutput out;
    std::vector<BlockLinks> links = resolveBlockLinks(c.doc);
    std::set<std::uint32_t> reported;
    for (std::size_t i = 0; i < links.size(); ++i) {
        std::uint32_t rt = links[i].readingType;
        auto rs = c.doc.readings(c.doc.blocks()[i]);
        bool costed = std::any_of(rs.begin(), rs.end(), [](const ReadingData& r) { return r.hasCost; });
        const AtomEntry* e = rt == kNoEntry ? nullptr : &c.doc.entries()[rt];
        if (costed && e && c.doc.field(e->resource, "currency") == kNoElement && reported.insert(rt).second)
            out.fail(e->resource, entryLabel(*e) + " describes readings with cost but names no currency",
                     "currency present (e.g. 840 USD)", "missing");
    }
    return out;
}

} // namespace

std::vector<CheckDef> signatureChecks()
{
    auto sig = [](std::size_t i, CheckFn fn) {
        const Signature& s = kSignatures[i];
        std::string id = s.id;
        return makeCheck(id, "GBA " + id.substr(5) + " (FB_" + (s.fb < 10 ? "0" : "") + std::to_string(s.fb) + ")",
                         Level::Must,
                         "When FB " + std::to_string(s.fb) + " is claimed, a ReadingType MUST match " + s.expected +
                             ".",
                         "signature", fn, {s.fb});
    };
    return {
        sig(0, checkSignature<0>), sig(1, checkSignature<1>), sig(2, checkSignature<2>), sig(3, checkSignature<3>),
        sig(4, checkSignature<4>), sig(5, checkSignature<5>), sig(6, checkSignature<6>), sig(7, checkSignature<7>),
        sig(8, checkSignature<8>), sig(9, checkSignature<9>),
        makeCheck("ESPI-D043", "GBA D043 (FB_12)", Level::Must,
                  "When FB 12 is claimed, IntervalReadings MUST carry cost.", "signature", checkD043, {12}),
        makeCheck("ESPI-D058", "GBA D058 (FB_12)", Level::Must,
                  "When FB 12 is claimed, the ReadingType of costed readings MUST name a currency.", "signature",
                  checkD058, {12}),
    };
}

} // namespace gbc
