// Legitimate namespace spellings of one ESPI document (variations xml_prefix_espi, xml_prefix_ns0_ns1,
// xml_default_espi_namespace): the same names in the same namespaces, written with other prefixes.
#pragma once

#include <string>
#include <string_view>

#include "sim_context.h"

namespace gbc {

enum class NamespaceForm {
    AsWritten,       // Atom default namespace, ESPI declared as default on each content child (gbc-sim's default)
    EspiPrefix,      // Atom default, espi: and cust: declared on the root
    Ns0Ns1,          // ns0: Atom, ns1: ESPI, ns2: customer, declared on the root (what generated bindings write)
    EspiDefault,     // atom: prefixed, ESPI the default namespace declared once on the root
};

// The form the context's variations select (AsWritten when none is on).
NamespaceForm namespaceFormOf(const SimContext& ctx);

// Rewrites a document produced by the Atom writer (unprefixed names, xmlns="..." declarations only) into `form`.
// Text and attribute values are copied unchanged; comments, PIs and CDATA sections are skipped over.
std::string rewriteNamespaces(std::string_view xml, NamespaceForm form);

} // namespace gbc
