// The catalogue loader's record readers and checks, shared with the overlay loader (catalogue_overlay.cpp).
// Readers throw JsonReadError with the JSON pointer; callers turn it into an Error at their boundary.
#pragma once

#include <string>
#include <vector>

#include "catalogue.h"
#include "catalogue_loader.h"
#include "json_reader.h"

namespace gbc::catalogue_io {

Client readClientRecord(const JsonReader& r);
Customer readCustomerRecord(const JsonReader& r, const Catalogue& cat);
Utility readUtilityRecord(const JsonReader& r, const Catalogue& cat);
void readScenarioFile(const CatalogueSource& src, Catalogue& cat);
// Two customers of one utility must not share an identity; the file's customer i is u.customers[fileOffset + i].
void checkIdentities(const Utility& u, const JsonReader& r, std::size_t fileOffset);
// Utility id, host, client and customer ids unique across `cat`, and within `u`.
void checkUnique(const Catalogue& cat, const Utility& u, const JsonReader& r);
// DIR/utilities/*.json, sorted.
Result<std::vector<std::string>> utilityFiles(const std::string& dir);

} // namespace gbc::catalogue_io
