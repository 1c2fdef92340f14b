// ReadingType required fields and code ranges, electricity phase (D064), UsagePoint service kind.
#include <array>

#include "check_families.h"
#include "check_support.h"
#include "espi_values.h"

namespace gbc {

namespace {

// NAESB REQ.21 / GBA FB_04: a ReadingType states intervalLength, kind, powerOfTenMultiplier and uom.
CheckOutput checkRequiredFields(const CheckContext& c)
{
    CheckOutput out;
    static constexpr std::array<std::string_view, 4> required{"intervalLength", "kind", "powerOfTenMultiplier", "uom"};
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::ReadingType))
        for (std::string_view f : required)
            if (c.doc.field(e.resource, f) == kNoElement)
                out.fail(e.resource, entryLabel(e) + " lacks " + std::string(f), std::string(f) + " present",
                         "missing");
    return out;
}

struct CodedField {
    std::string_view name;
    CodeList (*codes)();
};

// espi.xsd 4.0 enumerations: each coded ReadingType field holds a value of its code type — a listed code or, the
// types being unions with UInt16 (Int16 for powerOfTenMultiplier), any value of that base type (an unlisted one is
// ESPI-CODE-LISTED's WARN) — and intervalLength is a positive number of seconds.
CheckOutput checkCodes(const CheckContext& c)
{
    static constexpr std::array<CodedField, 8> fields{{{"accumulationBehaviour", accumulationKinds},
                                                       {"commodity", commodityKinds},
                                                       {"currency", currencies},
                                                       {"flowDirection", flowDirections},
                                                       {"kind", measurementKinds},
                                                       {"phase", phaseCodes},
                                                       {"powerOfTenMultiplier", powerOfTenMultipliers},
                                                       {"uom", unitSymbols}}};
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::ReadingType)) {
        for (const CodedField& f : fields) {
            std::uint32_t el = c.doc.field(e.resource, f.name);
            auto v = parseInteger(x.text(el));
            if (el != kNoElement && fitCode(f.codes(), v) == CodeFit::Invalid)
                out.fail(el, entryLabel(e) + " " + std::string(f.name) + " is not a value of its code type",
                         describeCodeBase(f.codes()) + "; listed: " + describeCodes(f.codes()), quoted(x.text(el)));
        }
        std::uint32_t len = c.doc.field(e.resource, "intervalLength");
        auto v = parseInteger(x.text(len));
        if (len != kNoElement && (!v || *v <= 0))
            out.fail(len, entryLabel(e) + " intervalLength is not a positive number of seconds", "> 0",
                     quoted(x.text(len)));
    }
    return out;
}

// GBA D064: a ReadingType for electricity (commodity 1 or 2) states its phase.
CheckOutput checkD064(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::ReadingType)) {
        auto commodity = parseInteger(x.text(c.doc.field(e.resource, "commodity")));
        if ((commodity == 1 || commodity == 2) && c.doc.field(e.resource, "phase") == kNoElement)
            out.fail(e.resource, entryLabel(e) + " is electric (commodity " + std::to_string(*commodity) +
                     ") but has no phase", "phase present", "missing");
    }
    return out;
}

// espi.xsd UsagePoint: ServiceCategory/kind is required and is a ServiceKind (listed 0 electricity ... 9 internet,
// extensible with any UInt16).
CheckOutput checkServiceKind(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::UsagePoint)) {
        std::uint32_t kind = c.doc.field(c.doc.field(e.resource, "ServiceCategory"), "kind");
        auto v = parseInteger(x.text(kind));
        if (kind == kNoElement)
            out.fail(e.resource, entryLabel(e) + " lacks ServiceCategory/kind", "ServiceCategory/kind present",
                     "missing");
        else if (fitCode(serviceKinds(), v) == CodeFit::Invalid)
            out.fail(kind, entryLabel(e) + " ServiceCategory/kind is not a ServiceKind value",
                     describeCodeBase(serviceKinds()) + "; listed: " + describeCodes(serviceKinds()), quoted(x.text(kind)));
    }
    return out;
}

} // namespace

std::vector<CheckDef> readingTypeChecks()
{
    return {
        makeCheck("ESPI-RT-REQUIRED", "NAESB REQ.21 ReadingType; GBA FB_04", Level::Must,
                  "A ReadingType MUST state intervalLength, kind, powerOfTenMultiplier and uom.", "reading-type",
                  checkRequiredFields),
        makeCheck("ESPI-RT-CODES", "espi.xsd 4.0 enumerations", Level::Must,
                  "Coded ReadingType fields MUST hold values of their espi.xsd code types; intervalLength MUST be positive.",
                  "reading-type", checkCodes),
        makeCheck("ESPI-D064", "GBA D064", Level::Must,
                  "An electricity ReadingType (commodity 1 or 2) MUST state its phase.", "reading-type", checkD064),
        makeCheck("ESPI-UP-KIND", "espi.xsd 4.0 UsagePoint/ServiceCategory", Level::Must,
                  "A UsagePoint MUST state ServiceCategory/kind with a ServiceKind value.", "usage-point",
                  checkServiceKind),
    };
}

} // namespace gbc
