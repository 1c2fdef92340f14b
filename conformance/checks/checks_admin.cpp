// Authorization and ApplicationInformation resources: token type, status, absolute expiry, scopes, required fields.
#include <array>

#include "check_families.h"
#include "check_support.h"
#include "espi_values.h"
#include "scope.h"

namespace gbc {

namespace {

// espi.xsd TokenType: token_type is exactly "Bearer" (case matters; "bearer" fails).
CheckOutput checkBearer(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::Authorization)) {
        std::uint32_t t = c.doc.field(e.resource, "token_type");
        std::string_view v = c.doc.xml().text(t);
        if (t == kNoElement)
            out.fail(e.resource, entryLabel(e) + " lacks token_type", "'Bearer'", "missing");
        else if (v != "Bearer")
            out.fail(t, entryLabel(e) + " token_type is not exactly Bearer", "'Bearer'", quoted(v));
    }
    return out;
}

// espi.xsd AuthorizationStatus: status is stated and is an AuthorizationStatus (listed 0 revoked, 1 active,
// 2 denied; extensible with any UInt16, an unlisted value being ESPI-CODE-LISTED's WARN).
CheckOutput checkAuthorizationStatus(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::Authorization)) {
        std::uint32_t s = c.doc.field(e.resource, "status");
        auto v = parseInteger(c.doc.xml().text(s));
        if (s == kNoElement || fitCode(authorizationStatuses(), v) == CodeFit::Invalid)
            out.fail(s == kNoElement ? e.resource : s, entryLabel(e) + " status is not an AuthorizationStatus",
                     "0, 1 or 2 (or another UInt16)",
                     s == kNoElement ? "missing" : quoted(c.doc.xml().text(s)));
    }
    return out;
}

// NAESB REQ.21 Authorization: expires_at is an absolute instant (epoch seconds), unlike OAuth's relative expires_in.
CheckOutput checkExpiresAt(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::Authorization)) {
        std::uint32_t el = c.doc.field(e.resource, "expires_at");
        auto v = parseEpochSeconds(c.doc.xml().text(el));
        if (el == kNoElement)
            out.fail(e.resource, entryLabel(e) + " lacks expires_at", "absolute epoch seconds", "missing");
        else if (v && *v < kEarliestAbsoluteEpoch)
            out.fail(el, entryLabel(e) + " expires_at looks like a relative lifetime, not an instant",
                     "epoch seconds after 2000-01-01", std::to_string(*v));
    }
    return out;
}

// espi.xsd Authorization: scope, resourceURI and authorizationURI are stated and not empty.
CheckOutput checkAuthorizationFields(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::Authorization))
        for (const char* f : {"scope", "resourceURI", "authorizationURI"})
            if (c.doc.xml().text(c.doc.field(e.resource, f)).empty())
                out.fail(e.resource, entryLabel(e) + " lacks " + f, std::string(f) + " present", "missing or empty");
    return out;
}

// Appends a failure when `el` holds no scope of the form FB=<ids>[;Key=Value]*.
void checkScopeText(const CheckContext& c, CheckOutput& out, std::uint32_t el, const std::string& who)
{
    std::string text(c.doc.xml().text(el));
    Result<Scope> scope = parseScope(text);
    if (!scope || scope->functionBlocks.empty())
        out.fail(el, who + " scope does not parse: " + (scope ? std::string("no FB list") : scope.error().message),
                 "FB=<id>_<id>...[;Key=Value]*", quoted(text));
}

// GBA scope grammar: an Authorization scope is FB=<ids joined by _> followed by ;Key=Value parameters.
CheckOutput checkAuthorizationScope(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::Authorization))
        if (std::uint32_t s = c.doc.field(e.resource, "scope"); s != kNoElement && !c.doc.xml().text(s).empty())
            checkScopeText(c, out, s, entryLabel(e));
    return out;
}

// espi.xsd ApplicationInformation: the registration fields with minOccurs >= 1 are present and not empty.
CheckOutput checkApplicationFields(const CheckContext& c)
{
    static constexpr std::array<std::string_view, 16> required{
        "dataCustodianId", "thirdPartyNotifyUri", "authorizationServerAuthorizationEndpoint",
        "authorizationServerTokenEndpoint", "dataCustodianBulkRequestURI", "dataCustodianResourceEndpoint",
        "client_secret", "client_name", "redirect_uri", "client_id", "software_id", "software_version",
        "client_id_issued_at", "client_secret_expires_at", "registration_client_uri", "registration_access_token"};
    CheckOutput out;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::ApplicationInformation))
        for (std::string_view f : required)
            if (c.doc.xml().text(c.doc.field(e.resource, f)).empty())
                out.fail(e.resource, entryLabel(e) + " lacks " + std::string(f), std::string(f) + " present",
                         "missing or empty");
    return out;
}

// espi.xsd DataCustodianApplicationStatus / GBA FND002: the status is stated, listed 1 (review) to 4 (revoked),
// extensible with any UInt16.
CheckOutput checkApplicationStatus(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::ApplicationInformation)) {
        std::uint32_t s = c.doc.field(e.resource, "dataCustodianApplicationStatus");
        auto v = parseInteger(c.doc.xml().text(s));
        if (s == kNoElement || fitCode(applicationStatuses(), v) == CodeFit::Invalid)
            out.fail(s == kNoElement ? e.resource : s, entryLabel(e) + " dataCustodianApplicationStatus is not a "
                     "DataCustodianApplicationStatus", "1, 2, 3 or 4 (or another UInt16)", s == kNoElement ? "missing" : quoted(c.doc.xml().text(s)));
    }
    return out;
}

// GBA FND001/FND002, OAD014: client_secret_basic authentication, response_types "code", and grant_types that
// include authorization_code and client_credentials.
CheckOutput checkApplicationOAuth(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::ApplicationInformation)) {
        std::string who = entryLabel(e);
        std::uint32_t m = c.doc.field(e.resource, "token_endpoint_auth_method");
        if (x.text(m) != "client_secret_basic")
            out.fail(m == kNoElement ? e.resource : m, who + " token_endpoint_auth_method is not client_secret_basic",
                     "'client_secret_basic'", quoted(x.text(m)));
        std::uint32_t r = c.doc.field(e.resource, "response_types");
        if (x.text(r) != "code")
            out.fail(r == kNoElement ? e.resource : r, who + " response_types is not code", "'code'", quoted(x.text(r)));
        bool code = false, client = false;
        for (std::uint32_t g = x[e.resource].firstChild; g != kNoElement; g = x[g].nextSibling)
            if (x[g].local == "grant_types") {
                code |= x.text(g) == "authorization_code";
                client |= x.text(g) == "client_credentials";
            }
        if (!code || !client)
            out.fail(e.resource, who + " grant_types lack authorization_code or client_credentials",
                     "authorization_code and client_credentials", std::string(code ? "" : "no authorization_code ") +
                     (client ? "" : "no client_credentials"));
    }
    return out;
}

// GBA FND002/OAD014: dataCustodianScopeSelectionScreenURI appears exactly once.
CheckOutput checkScopeScreen(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::ApplicationInformation)) {
        std::size_t n = c.doc.xml().count(e.resource, c.doc.xml()[e.resource].ns, "dataCustodianScopeSelectionScreenURI");
        if (n != 1)
            out.fail(e.resource, entryLabel(e) + " has " + std::to_string(n) + " dataCustodianScopeSelectionScreenURI",
                     "1", std::to_string(n));
    }
    return out;
}

// espi.xsd ApplicationInformation scope (1..n) and the GBA scope grammar: each offered scope parses.
CheckOutput checkApplicationScopes(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::ApplicationInformation)) {
        std::size_t n = 0;
        for (std::uint32_t s = x[e.resource].firstChild; s != kNoElement; s = x[s].nextSibling)
            if (x[s].local == "scope" && ++n)
                checkScopeText(c, out, s, entryLabel(e));
        if (n == 0)
            out.fail(e.resource, entryLabel(e) + " offers no scope", "at least 1 scope", "0");
    }
    return out;
}

} // namespace

std::vector<CheckDef> adminChecks()
{
    return {
        makeCheck("ESPI-AUTH-BEARER", "espi.xsd 4.0 TokenType", Level::Must,
                  "An Authorization's token_type MUST be exactly Bearer.", "authorization", checkBearer),
        makeCheck("ESPI-AUTH-STATUS", "espi.xsd 4.0 AuthorizationStatus", Level::Must,
                  "An Authorization's status MUST be 0, 1 or 2.", "authorization", checkAuthorizationStatus),
        makeCheck("ESPI-AUTH-EXPIRES", "NAESB REQ.21 Authorization", Level::Must,
                  "An Authorization's expires_at MUST be an absolute instant in epoch seconds.", "authorization",
                  checkExpiresAt),
        makeCheck("ESPI-AUTH-REQUIRED", "espi.xsd 4.0 Authorization", Level::Must,
                  "An Authorization MUST state scope, resourceURI and authorizationURI.", "authorization",
                  checkAuthorizationFields),
        makeCheck("ESPI-AUTH-SCOPE", "GBA scope grammar", Level::Must,
                  "An Authorization's scope MUST parse as FB=<ids>[;Key=Value]*.", "authorization",
                  checkAuthorizationScope),
        makeCheck("ESPI-AI-REQUIRED", "espi.xsd 4.0 ApplicationInformation", Level::Must,
                  "ApplicationInformation MUST state every schema-required registration field.",
                  "application-information", checkApplicationFields),
        makeCheck("ESPI-AI-STATUS", "espi.xsd 4.0; GBA FND002", Level::Must,
                  "dataCustodianApplicationStatus MUST be 1, 2, 3 or 4.", "application-information",
                  checkApplicationStatus),
        makeCheck("ESPI-AI-OAUTH", "GBA FND001/FND002, OAD014", Level::Must,
                  "ApplicationInformation MUST name client_secret_basic, response_types code and grant_types "
                  "authorization_code and client_credentials.",
                  "application-information", checkApplicationOAuth),
        makeCheck("ESPI-AI-SCOPE-SCREEN", "GBA FND002, OAD014", Level::Must,
                  "dataCustodianScopeSelectionScreenURI MUST appear exactly once.", "application-information",
                  checkScopeScreen),
        makeCheck("ESPI-AI-SCOPES", "espi.xsd 4.0; GBA scope grammar", Level::Must,
                  "ApplicationInformation MUST offer at least one scope and each MUST parse.",
                  "application-information", checkApplicationScopes),
    };
}

} // namespace gbc
