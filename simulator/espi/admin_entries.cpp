// Authorization and ApplicationInformation bodies in espi.xsd order (all XSD-required fields present).
#include "admin_entries.h"

#include <algorithm>
#include <cstdint>

#include "espi_ids.h"
#include "espi_paths.h"
#include "usage_model.h"
#include "uuid5.h"

namespace gbc {

namespace {

// Scopes this Data Custodian offers (ApplicationInformation <scope>, one per element).
const char* const kOfferedScopes[] = {
    "FB=1_3_4_5_10_11_13_14_15_16_17_35_37_39_51;IntervalDuration=900_86400;BlockDuration=daily;"
    "HistoryLength=34128000",
    "FB=4_16_51;IntervalDuration=900;BlockDuration=daily;HistoryLength=63072000",
};

template <typename F>
void put(AtomDocument& doc, EntryMode mode, const WrittenEntry& e, F&& content)
{
    if (mode == EntryMode::Root)
        doc.rootEntry(e, content);
    else
        doc.entry(e, content);
}

void openEspi(XmlOut& x, std::string_view name)
{
    x.raw("<").raw(name).raw(" xmlns=\"").raw(kEspiNs).raw("\">");
}

void period(XmlOut& x, std::string_view name, std::int64_t start, std::int64_t duration)
{
    const std::int64_t d = std::clamp<std::int64_t>(duration, 0, UINT32_MAX);
    x.open(name).element("duration", d).element("start", start).close(name);
}

// thirdPartyNotifyUri: the client's own, else /espi/1_1/Notification on the host of its first redirect URI.
std::string notifyUriOf(const Client& c, const EndpointUrls& urls)
{
    if (!c.notifyUri.empty())
        return c.notifyUri;
    const std::string first = c.redirectUris.empty() ? urls.origin : c.redirectUris.front();
    const std::size_t hostEnd = first.find('/', first.find("://") + 3);
    return first.substr(0, hostEnd) + "/espi/1_1/Notification";
}

} // namespace

std::string certificationLink(const Utility& u)
{
    return "https://cert.greenbuttonalliance.org/certificate/" + formatUuid(uuid5(urlNamespace(), "gbc-sim:cert:" + u.id));
}

int authorizationStatus(const AuthorizationRecord& r, EpochSeconds now)
{
    if (r.declinedAt)
        return 2;
    return r.active(now) ? 1 : 0;
}

void writeAuthorizationEntry(AtomDocument& doc, EntryMode mode, const EndpointUrls& urls, const Utility* utility,
                             const AuthorizationRecord& r, EpochSeconds now, bool bearerLowercase)
{
    WrittenEntry e{espipath::authorization(r.uid), "Authorization", "Authorization", false,
                "Authorization " + r.uid, {}, {}};
    e.times.published = r.created;
    e.times.updated = std::max({r.created, r.revokedAt.value_or(0), r.declinedAt.value_or(0)});
    if (mode == EntryMode::Root && utility)
        e.related.push_back({"related", certificationLink(*utility), "text/html"});
    put(doc, mode, e, [&](XmlOut& x) {
        openEspi(x, "Authorization");
        const EpochSeconds expires = r.expires > 0 ? r.expires : kUntilRevoked;
        period(x, "authorizedPeriod", r.created, expires - r.created);
        if (utility) {
            const TimeWindow w = historyWindow(utility->timeZone, r.historyLengthSeconds, now);
            period(x, "publishedPeriod", w.start, w.end - w.start);
        }
        x.element("status", authorizationStatus(r, now))
            .element("expires_at", expires)
            .element("grant_type", "authorization_code")
            .element("scope", r.scope)
            .element("token_type", bearerLowercase ? "bearer" : "Bearer")
            .element("resourceURI", urls.base + espipath::subscription(r.uid))
            .element("authorizationURI", urls.base + espipath::authorization(r.uid));
        if (std::find(r.functionBlocks.begin(), r.functionBlocks.end(), 51) != r.functionBlocks.end())
            x.element("customerResourceURI", urls.base + espipath::retailCustomer(r.uid));
        x.raw("</Authorization>");
    });
}

void writeClientAuthorizationEntry(AtomDocument& doc, EntryMode mode, const EndpointUrls& urls, const Utility& u,
                                   const Client& client, const std::string& bulk, const std::string& scope,
                                   bool bearerLowercase)
{
    WrittenEntry e{espipath::authorization(bulk), "Authorization", "Authorization", false,
                "Client authorization " + client.clientId, {}, {}};
    e.times.published = e.times.updated = kClientIssuedAt;
    if (mode == EntryMode::Root)
        e.related.push_back({"related", certificationLink(u), "text/html"});
    put(doc, mode, e, [&](XmlOut& x) {
        openEspi(x, "Authorization");
        x.element("status", 1)
            .element("expires_at", kUntilRevoked)
            .element("grant_type", "client_credentials")
            .element("scope", scope)
            .element("token_type", bearerLowercase ? "bearer" : "Bearer")
            .element("resourceURI", urls.base + "Bulk/" + bulk)
            .element("authorizationURI", urls.base + espipath::authorization(bulk));
        x.raw("</Authorization>");
    });
}

void writeApplicationInformationEntry(AtomDocument& doc, const EndpointUrls& urls, const Utility& u,
                                      const Client& c, ClientMode mode)
{
    const std::string id = applicationInformationId(c);
    WrittenEntry e{"ApplicationInformation/" + id, "ApplicationInformation", "ApplicationInformation", false,
                c.company.empty() ? c.clientId : c.company, {}, {}};
    e.times.published = e.times.updated = kClientIssuedAt;
    e.related.push_back({"related", certificationLink(u), "text/html"});
    doc.rootEntry(e, [&](XmlOut& x) {
        openEspi(x, "ApplicationInformation");
        x.element("dataCustodianId", u.id)
            .element("dataCustodianApplicationStatus", mode == ClientMode::Live ? 2 : 1)
            .element("thirdPartyNotifyUri", notifyUriOf(c, urls))
            .element("authorizationServerAuthorizationEndpoint", urls.authorize(u))
            .element("authorizationServerTokenEndpoint", urls.token(u))
            .element("dataCustodianBulkRequestURI", urls.base + "Batch/Bulk/" + bulkId(c))
            .element("dataCustodianResourceEndpoint", urls.base.substr(0, urls.base.size() - 1))
            .element("client_secret", c.clientSecret)
            .element("client_name", c.company.empty() ? c.clientId : c.company);
        for (const std::string& uri : c.redirectUris)
            x.element("redirect_uri", uri);
        if (c.redirectUris.empty())
            x.element("redirect_uri", urls.origin + "/callback");
        x.element("client_id", c.clientId)
            .element("software_id", "gbc-sim-third-party")
            .element("software_version", "1.0")
            .element("client_id_issued_at", kClientIssuedAt)
            .element("client_secret_expires_at", 0)
            .element("token_endpoint_auth_method", "client_secret_basic");
        for (const char* scope : kOfferedScopes)
            x.element("scope", scope);
        for (const char* grant : {"authorization_code", "client_credentials", "refresh_token"})
            x.element("grant_types", grant);
        x.element("response_types", "code")
            .element("registration_client_uri", urls.base + "ApplicationInformation/" + id)
            .element("registration_access_token", c.registrationToken)
            .element("dataCustodianScopeSelectionScreenURI", urls.authorize(u));
        x.raw("</ApplicationInformation>");
    });
}

} // namespace gbc
