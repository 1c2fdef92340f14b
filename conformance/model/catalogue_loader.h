// Loads and validates the scenario catalogue; every rejection names the file and the JSON pointer.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "catalogue.h"
#include "result.h"

namespace gbc {

// One catalogue source: a name for messages (usually the file path) and its JSON text.
struct CatalogueSource {
    std::string name;
    std::string text;
};

// `scenarios` is scenarios.json; `utilities` are the files under utilities/.
Result<Catalogue> loadCatalogue(const CatalogueSource& scenarios, const std::vector<CatalogueSource>& utilities);

// Reads DIR/scenarios.json and DIR/utilities/*.json (sorted by name).
Result<Catalogue> loadCatalogueDir(const std::string& dir);

// The catalogue compiled into the binaries from scenarios/ at build time.
Result<Catalogue> builtinCatalogue();

} // namespace gbc
