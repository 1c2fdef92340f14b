// Canned exchanges and observations for the pure check tests.
#pragma once

#include <string>

#include "observation.h"

namespace gbc::canned {

HttpExchange answer(int status, const std::string& body = "", HeaderList headers = {});
HttpExchange json(int status, const std::string& body, HeaderList extra = {});
HttpExchange redirect(const std::string& location);

// Looks up the check by id in the catalogue and runs it on `obs`.
Outcome run(const std::string& checkId, const Observation& obs);

} // namespace gbc::canned
