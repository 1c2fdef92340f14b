// Registration records: JsonReader + the catalogue rules for reading, one mutex for writing, JSON for answering.
#include "client_registration.h"

#include <mutex>

#include "catalogue_rules.h"
#include "json_reader.h"
#include "located_error.h"
#include "oauth_metadata.h"
#include "secure_random.h"

namespace gbc {

namespace {

std::mutex& registrationMutex()
{
    static std::mutex m;
    return m;
}

void readUrls(const JsonReader& r, Client& c)
{
    c.redirectUris = r.strings("redirectUris");
    if (c.redirectUris.empty())
        r.at("redirectUris").fail("registration.no_redirect_uri", "give at least one redirect URI");
    for (std::size_t i = 0; i < c.redirectUris.size(); ++i)
        if (const auto problem = httpUrlProblem(c.redirectUris[i]))
            r.at("redirectUris").items()[i].fail("catalogue.bad_url", *problem);
    c.notifyUri = r.string("notifyUri", "");
    c.webhookUrl = r.string("webhookUrl", "");
    for (const char* key : {"notifyUri", "webhookUrl"})
        if (const auto problem = r.has(key) ? httpUrlProblem(r.string(key)) : std::nullopt)
            r.at(key).fail("catalogue.bad_url", *problem);
}

ClientRegistration readOne(const JsonReader& r)
{
    r.allowOnly({"utility", "clientId", "clientSecret", "company", "redirectUris", "mode", "webhookUrl", "notifyUri",
                 "webhookSecret"});
    ClientRegistration reg;
    reg.utilityId = r.string("utility");
    Client& c = reg.client;
    c.clientId = r.string("clientId");
    if (const auto problem = identifierProblem(c.clientId))
        r.at("clientId").fail("catalogue.bad_identifier", *problem);
    c.clientSecret = r.string("clientSecret", "");
    if (r.has("clientSecret") && (c.clientSecret.empty() || c.clientSecret.size() > 256))
        r.at("clientSecret").fail("registration.bad_secret", "a client secret is 1-256 characters (omit it to get one generated)");
    if (c.clientSecret.empty())
        c.clientSecret = randomHex(16);
    c.company = r.string("company", c.clientId);
    const std::string mode = r.string("mode", "sandbox");
    if (mode != "sandbox" && mode != "live")
        r.at("mode").fail("catalogue.bad_value", "mode must be 'sandbox' or 'live'");
    c.mode = mode == "sandbox" ? ClientMode::Sandbox : ClientMode::Live;
    readUrls(r, c);
    c.webhookSecret = r.string("webhookSecret", "");
    if (c.webhookSecret.empty() && !c.webhookUrl.empty())
        c.webhookSecret = randomHex(16);
    c.apiToken = randomHex(16);
    c.registrationToken = randomHex(16);
    return reg;
}

HttpAnswer jsonOut(int status, const nlohmann::json& body)
{
    HttpAnswer a = HttpAnswer::make(status, "application/json", body.dump(2));
    a.withHeader("Cache-Control", "no-store");
    return a;
}

HttpAnswer postClient(SimContext& ctx, const HttpRequest& req)
{
    auto doc = parseJsonText(req.body, "body");
    if (!doc)
        return locatedErrorAnswer(400, doc.error(), "body");
    auto reg = readRegistration(*doc, "body");
    if (!reg)
        return locatedErrorAnswer(400, reg.error(), "body");
    auto stored = registerClient(ctx.catalogue, *reg);
    if (!stored)
        return locatedErrorAnswer(stored.error().code == "registration.duplicate_client" ? 409 : 400, stored.error(), "body");
    const Utility& u = *ctx.catalogue.findUtility(reg->utilityId);
    HttpAnswer a = jsonOut(201, registrationJson(u, **stored, req.origin(), true));
    a.withHeader("Location", "/__sim/clients/" + (*stored)->clientId);
    return a;
}

HttpAnswer listClients(SimContext& ctx, const HttpRequest& req)
{
    nlohmann::json list = nlohmann::json::array();
    for (const Utility& u : ctx.catalogue.utilities)
        if (u.registered)
            for (const Client* c : u.registered->all())
                list.push_back(registrationJson(u, *c, req.origin(), false));
    return jsonOut(200, {{"clients", list}});
}

} // namespace

Result<ClientRegistration> readRegistration(const nlohmann::json& value, const std::string& file, const std::string& pointer)
{
    try {
        return readOne(JsonReader(value, file, pointer));
    } catch (const JsonReadError& e) {
        return e.error;
    }
}

Result<std::vector<ClientRegistration>> readRegistrationFile(const std::string& text, const std::string& file)
{
    auto doc = parseJsonText(text, file);
    if (!doc)
        return doc.error();
    if (!doc->is_array())
        return Error{"registration.not_array", file + ":/", "expected a JSON array of client registrations"};
    std::vector<ClientRegistration> out;
    for (std::size_t i = 0; i < doc->size(); ++i) {
        auto reg = readRegistration((*doc)[i], file, "/" + std::to_string(i));
        if (!reg)
            return reg.error();
        out.push_back(std::move(reg.value()));
    }
    return out;
}

void attachRegistries(Catalogue& catalogue)
{
    for (Utility& u : catalogue.utilities) {
        auto own = std::make_shared<RegisteredClients>();
        if (u.registered)
            for (const Client* c : u.registered->all())
                own->add(*c);
        u.registered = std::move(own);
    }
}

Status registerAll(const Catalogue& catalogue, const std::vector<ClientRegistration>& registrations,
                   const std::string& file)
{
    for (std::size_t i = 0; i < registrations.size(); ++i)
        if (auto stored = registerClient(catalogue, registrations[i]); !stored)
            return Error{stored.error().code, file + ":/" + std::to_string(i) + stored.error().where,
                         stored.error().message};
    return okStatus();
}

Result<const Client*> registerClient(const Catalogue& catalogue, const ClientRegistration& registration)
{
    const Utility* utility = catalogue.findUtility(registration.utilityId);
    if (!utility || !utility->registered)
        return Error{"registration.unknown_utility", "/utility",
                     "no utility '" + registration.utilityId + "' (gbc-sim scenarios lists them)"};
    std::lock_guard lock(registrationMutex());
    for (const Utility& u : catalogue.utilities)
        if (u.findClient(registration.client.clientId))
            return Error{"registration.duplicate_client", "/clientId",
                         "client id '" + registration.client.clientId + "' is already registered with " + u.id};
    return utility->registered->add(registration.client);
}

nlohmann::json registrationJson(const Utility& utility, const Client& client, const std::string& origin, bool withSecrets)
{
    nlohmann::json j = {{"utility", utility.id},
                        {"clientId", client.clientId},
                        {"company", client.company},
                        {"mode", toString(client.mode)},
                        {"redirectUris", client.redirectUris},
                        {"notifyUri", client.notifyUri},
                        {"webhookUrl", client.webhookUrl},
                        {"apiToken", client.apiToken},
                        {"registrationToken", client.registrationToken},
                        {"webhookSecretSet", !client.webhookSecret.empty()},
                        {"issuer", origin + "/DataCustodian/" + utility.id},
                        {"metadata", metadataUrl(origin, "/DataCustodian/" + utility.id)}};
    if (withSecrets) {
        j["clientSecret"] = client.clientSecret;
        if (!client.webhookSecret.empty())
            j["webhookSecret"] = client.webhookSecret;
    }
    return j;
}

std::vector<Route> registrationRoutes(SimContext& ctx)
{
    return {Route{"POST", "/__sim/clients", [&ctx](const HttpRequest& req) { return postClient(ctx, req); }},
            Route{"GET", "/__sim/clients", [&ctx](const HttpRequest& req) { return listClients(ctx, req); }}};
}

} // namespace gbc
