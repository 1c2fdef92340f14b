// Registering a third-party app at run time (POST /__sim/clients, gbc-sim --clients FILE): read, validate, store.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalogue.h"
#include "http_types.h"
#include "result.h"
#include "sim_context.h"

namespace gbc {

// One registration as read: the utility it joins and the client it becomes (tokens and missing secrets generated).
struct ClientRegistration {
    std::string utilityId;
    Client client;
};

// Reads one registration object {"utility", "clientId", "clientSecret"?, "company"?, "redirectUris", "mode"?,
// "webhookUrl"?, "notifyUri"?, "webhookSecret"?}. Ids and URLs follow the catalogue's rules (catalogue_rules.h).
// Errors: code + "file:/json/pointer". apiToken and registrationToken are generated; so is the secret when absent.
Result<ClientRegistration> readRegistration(const nlohmann::json& value, const std::string& file,
                                            const std::string& pointer = "");
// A JSON array of registration objects (the --clients file); the first bad value is the error.
Result<std::vector<ClientRegistration>> readRegistrationFile(const std::string& text, const std::string& file);

// Gives every utility a registry of its own, holding the clients its previous registry held (if any): a catalogue
// copy must not share later registrations with its source.
void attachRegistries(Catalogue& catalogue);

// Registers each of `registrations` (read from `file`); errors located as "file:/index/field".
Status registerAll(const Catalogue& catalogue, const std::vector<ClientRegistration>& registrations,
                   const std::string& file);

// Adds the client to its utility's registry. Errors: "registration.unknown_utility" (where "/utility"),
// "registration.duplicate_client" (where "/clientId": the id exists in any utility, catalogue or registered).
// Registrations are serialised, so two concurrent ones with one id cannot both succeed.
Result<const Client*> registerClient(const Catalogue& catalogue, const ClientRegistration& registration);

// The stored client as JSON; the secrets (clientSecret, webhookSecret) only when `withSecrets` (the 201 answer).
nlohmann::json registrationJson(const Utility& utility, const Client& client, const std::string& origin,
                                bool withSecrets);

// POST /__sim/clients (201, 400 located, 409 duplicate) and GET /__sim/clients (every registered client).
std::vector<Route> registrationRoutes(SimContext& ctx);

} // namespace gbc
