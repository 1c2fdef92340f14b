// Everything a simulator handler may consult: catalogue, clock, seed, authorizations and switched-on defects and variations.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>

#include "authorization_directory.h"
#include "catalogue.h"
#include "client_modes.h"
#include "clock.h"
#include "variations.h"

namespace gbc {

struct SimContext {
    const Catalogue& catalogue;
    Clock& clock;
    AuthorizationDirectory& directory;
    std::uint64_t seed = 1;
    std::set<std::string> defects; // names from `gbc-sim defects`, switched on with --defect
    // Origin to put in absolute links (token resourceURI...) when a request arrived through a utility's own host
    // name (Host: greenbutton.essexpowerlines.ca), which the client cannot resolve; e.g. "http://127.0.0.1:4321".
    // Empty: use the request's own origin.
    std::string publicBaseUrl;

    // Sandbox/live switches set through /__sim/clients/{clientId}/mode: read a registration's mode with
    // modes->modeOf(client), never client.mode directly. Shared by copies of the context.
    std::shared_ptr<ClientModes> modes = std::make_shared<ClientModes>();

    Variations variations{}; // legitimate behaviours switched on with --variation (see `gbc-sim variations`)

    bool defect(const std::string& name) const { return defects.count(name) != 0; }
    bool variation(Variation v) const { return variations.count(v) != 0; }
};

} // namespace gbc
