// Extensible code lists: a coded field holding an unlisted value of its base type (schema-valid) is a WARN.
#include <array>

#include "check_families.h"
#include "check_support.h"
#include "espi_values.h"

namespace gbc {

namespace {

// One coded ESPI field: its element name, the parent it must sit in (empty: any), its type and code list.
struct CodedElement {
    std::string_view local;
    std::string_view parent;
    std::string_view type;
    CodeList (*codes)();
};

constexpr std::array<CodedElement, 14> kCoded{{
    {"accumulationBehaviour", "", "AccumulationKind", accumulationKinds},
    {"commodity", "", "CommodityKind", commodityKinds},
    {"currency", "", "Currency", currencies},
    {"flowDirection", "", "FlowDirectionKind", flowDirections},
    {"kind", "ReadingType", "MeasurementKind", measurementKinds},
    {"kind", "ServiceCategory", "ServiceKind", serviceKinds},
    {"phase", "", "PhaseCodeKind", phaseCodes},
    {"powerOfTenMultiplier", "", "UnitMultiplierKind", powerOfTenMultipliers},
    {"uom", "", "UnitSymbolKind", unitSymbols},
    {"quality", "ReadingQuality", "QualityOfReading", qualityOfReadings},
    {"qualityOfReading", "", "QualityOfReading", qualityOfReadings},
    {"status", "Authorization", "AuthorizationStatus", authorizationStatuses},
    {"dataCustodianApplicationStatus", "", "DataCustodianApplicationStatus", applicationStatuses},
    {"defaultQuality", "", "QualityOfReading", qualityOfReadings},
}};

const CodedElement* codedElement(const XmlView& x, std::uint32_t id)
{
    const XmlElement& e = x[id];
    for (const CodedElement& c : kCoded)
        if (e.local == c.local && (c.parent.empty() || (e.parent != kNoElement && x[e.parent].local == c.parent)))
            return &c;
    return nullptr;
}

// espi.xsd 4.0: every numeric code type is a union of its enumeration with UInt16 (Int16 for UnitMultiplierKind),
// so a value outside the list is schema-valid — an extension the receiver may not understand. Such a value SHOULD
// be one of the listed codes; values outside the base type are the MUST checks' business (ESPI-RT-CODES ...).
CheckOutput checkListedCodes(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    for (std::uint32_t id = 0; id < x.size(); ++id) {
        if (x[id].ns != XmlNs::Espi)
            continue;
        const CodedElement* coded = codedElement(x, id);
        if (!coded || fitCode(coded->codes(), parseInteger(x.text(id))) != CodeFit::Extension)
            continue;
        out.fail(id, std::string(coded->local) + " " + std::string(x.text(id)) + " is not a listed " +
                 std::string(coded->type) + " code (schema-valid: the type extends its list with " +
                 describeCodeBase(coded->codes()) + ")", "one of " + describeCodes(coded->codes()),
                 quoted(x.text(id)));
    }
    return out;
}

} // namespace

std::vector<CheckDef> codeChecks()
{
    return {
        makeCheck("ESPI-CODE-LISTED", "espi.xsd 4.0 extensible enumerations (union with UInt16/Int16)", Level::Should,
                  "A coded field SHOULD hold a code listed by its espi.xsd enumeration; an unlisted value of the "
                  "base type is a schema-valid extension (WARN, never FAIL).",
                  "codes", checkListedCodes),
    };
}

} // namespace gbc
