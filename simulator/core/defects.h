// The catalogue of deliberate defects (`gbc-sim --defect NAME`) that prove the conformance checks bite.
#pragma once

#include <string>
#include <vector>

namespace gbc {

struct DefectInfo {
    const char* name;        // stable, snake_case
    const char* area;        // oauth-authorize, oauth-token, espi-access, espi-data, espi-query, odr, json-api
    const char* description; // what the simulator does wrong when it is on
};

const std::vector<DefectInfo>& allDefects();
const DefectInfo* findDefect(const std::string& name);

} // namespace gbc
