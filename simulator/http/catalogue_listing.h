// `gbc-sim scenarios [--json]`: the catalogue's utilities, clients and test accounts as text or JSON.
#pragma once

#include <string>

#include "catalogue.h"

namespace gbc {

std::string listCatalogueText(const Catalogue& catalogue);
// {"utilities":[{"id","name","host","defaultAuth","allowedAuth","clients":[{"client_id","client_secret",
// "company","mode","api_token","registration_token","redirect_uris"}],"customers":[{"id","scenario","test",
// "identities":{...}}]}], "scenarios":[{"name","description","outcome"}]}
std::string listCatalogueJson(const Catalogue& catalogue);

} // namespace gbc
