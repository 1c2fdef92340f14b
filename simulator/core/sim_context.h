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
#include "profiles.h"
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

    // Profile behaviours switched on for every client with --profile; per-client profiles live in profileState.
    std::set<ProfileBehaviour> behaviours{};
    std::shared_ptr<ProfileState> profileState = std::make_shared<ProfileState>();

    bool defect(const std::string& name) const { return defects.count(name) != 0; }
    bool variation(Variation v) const { return variations.count(v) != 0; }
    bool behaviour(ProfileBehaviour b) const { return behaviours.count(b) != 0; }

    // Is `b` on for this client: switched on globally or by one of the client's profiles?
    bool behaviourFor(const std::string& clientId, ProfileBehaviour b) const
    {
        if (behaviour(b))
            return true;
        const auto own = profileState->clientSwitches(clientId);
        return own && own->behaviours.count(b) != 0;
    }
    // This context as one client's requests see it: its profiles' variations, defects and behaviours added.
    SimContext forClient(const std::string& clientId) const
    {
        SimContext copy = *this;
        if (const auto own = profileState->clientSwitches(clientId)) {
            copy.variations.insert(own->variations.begin(), own->variations.end());
            copy.defects.insert(own->defects.begin(), own->defects.end());
            copy.behaviours.insert(own->behaviours.begin(), own->behaviours.end());
        }
        return copy;
    }
};

} // namespace gbc
