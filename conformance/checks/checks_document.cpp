// Document-level checks: well-formedness and XSD (run by the engine), namespace declarations, the root element.
#include "check_families.h"
#include "check_support.h"

namespace gbc {

namespace {

// Namespaces in XML 1.0 §5: a prefix must be declared (xmlns:p) on the element or an ancestor before use.
CheckOutput checkPrefixesDeclared(const CheckContext& c)
{
    CheckOutput out;
    for (const NamespaceProblem& p : c.doc.xml().namespaceProblems())
        out.fail(p.element, "prefix '" + p.prefix + "' on '" + p.usedOn + "' is not declared",
                 "xmlns:" + p.prefix + " declared in scope", "no declaration");
    return out;
}

std::string describeRoot(const XmlView& x, std::uint32_t id)
{
    return "'" + std::string(x[id].local) + "' in namespace " + (x.uri(id).empty() ? "(none)" : quoted(x.uri(id)));
}

// RFC 4287 §4.1.1-4.1.2 and the ESPI Atom profile: a document is an atom:feed or an atom:entry; only ServiceStatus
// and BatchList travel as bare ESPI elements. Elements are matched by namespace URI, never by prefix.
CheckOutput checkRoot(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    const XmlElement& root = x[x.root()];
    if (c.doc.shape() == DocumentShape::Feed || c.doc.shape() == DocumentShape::Entry)
        return out;
    if (c.doc.shape() == DocumentShape::BareResource && root.ns == XmlNs::Espi &&
        (root.local == "ServiceStatus" || root.local == "BatchList"))
        return out;
    out.fail(x.root(), "the root element is not an Atom feed or entry",
             "{" + std::string(kAtomNs) + "}feed or entry, or a bare ServiceStatus/BatchList", describeRoot(x, x.root()));
    return out;
}

} // namespace

std::vector<CheckDef> documentChecks()
{
    return {
        makeCheck("ESPI-XML-WELLFORMED", "XML 1.0 §2.1; RFC 3023", Level::Must,
                  "The document MUST be well-formed XML in UTF-8 or UTF-16.", "document", nullptr),
        makeCheck("ESPI-XSD-001", "NAESB REQ.21 espi.xsd + atom.xsd 4.0", Level::Must,
                  "The document MUST validate against the ESPI 4.0 schemas (only with --schema).", "schema", nullptr),
        makeCheck("ESPI-XML-NAMESPACE", "Namespaces in XML 1.0 §5", Level::Must,
                  "Every namespace prefix used MUST be declared in scope.", "document", checkPrefixesDeclared),
        makeCheck("ESPI-XML-ROOT", "RFC 4287 §4.1.1-4.1.2; NAESB REQ.21 Atom profile", Level::Must,
                  "The root MUST be atom:feed or atom:entry (bare espi:ServiceStatus and espi:BatchList accepted), "
                  "matched by namespace URI.",
                  "document", checkRoot),
    };
}

} // namespace gbc
