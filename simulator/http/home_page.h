// The simulator's home page: utilities, their OAuth endpoints, sandbox clients and test accounts, for a person.
#pragma once

#include <string>

#include "catalogue.h"

namespace gbc {

// `origin` is e.g. "http://127.0.0.1:4321" (used for absolute endpoint URLs and the "try it" links).
std::string homePage(const Catalogue& catalogue, const std::string& origin);

} // namespace gbc
