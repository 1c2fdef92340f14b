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

// Overlay mode: adds DIR/scenarios.json (optional) and DIR/utilities/*.json to `base`. A utility file whose id is
// already in `base` holds only "id", "clients" and "customers" and adds them to that utility; any other file is a
// whole new utility. A scenario, utility id, host, client id or customer id that already exists is an error naming
// the file and JSON pointer.
Result<Catalogue> loadCatalogueOverlay(Catalogue base, const std::string& dir);

// The catalogue compiled into the binaries from scenarios/ at build time.
Result<Catalogue> builtinCatalogue();

} // namespace gbc
