// Variation table: each entry is implemented where its area's handler checks SimContext::variation(id).
#include "variations.h"

namespace gbc {

const std::vector<VariationInfo>& allVariations()
{
    static const std::vector<VariationInfo> table = {
        {Variation::RotatingRefreshTokens, "rotating_refresh_tokens",
         "every refresh answers a new refresh_token and the one used stops working",
         "RFC 6749 §6 (MAY issue a new refresh token; MAY revoke the old one)"},
        {Variation::RevokeAccessTakesRefresh, "revoke_access_takes_refresh",
         "revoking an access token also revokes the refresh token and access tokens of the same grant",
         "RFC 7009 §2.1 (MAY revoke the respective refresh token as well)"},
        {Variation::RevokeRefreshKeepsAccess, "revoke_refresh_keeps_access",
         "revoking a refresh token leaves the access tokens already issued from it valid until they expire",
         "RFC 7009 §2.1 (SHOULD, not MUST, invalidate access tokens of the same grant)"},
        {Variation::FailedLogin401, "failed_login_401",
         "a failed customer login (unknown customer, wrong details) is re-shown with status 401 instead of 200",
         "RFC 9110 §15.5.2 and RFC 6749 §4.1.1 (how the authorization page presents a failure is not specified)"},
        {Variation::XmlPrefixEspi, "xml_prefix_espi",
         "ESPI XML keeps Atom as the default namespace and prefixes ESPI elements espi: (customer data cust:), declared on the root",
         "Namespaces in XML 1.0 §6 (the prefix is not significant); [OADE] 2024-03-13"},
        {Variation::XmlPrefixNs0Ns1, "xml_prefix_ns0_ns1",
         "ESPI XML uses generated prefixes: ns0: for Atom, ns1: for ESPI, ns2: for customer data, declared on the root",
         "Namespaces in XML 1.0 §6 (any prefix, declared on the root or inline)"},
        {Variation::XmlDefaultNamespace, "xml_default_namespace",
         "ESPI XML prefixes Atom elements atom: and makes ESPI the default namespace, declared once on the root",
         "Namespaces in XML 1.0 §6.2 (default namespace)"},
        {Variation::JsonLocalOffsets, "json_local_offsets",
         "JSON API timestamps carry the utility's local UTC offset (2025-03-09T01:45:00-06:00) instead of +00:00",
         "RFC 3339 §4.2 / ISO 8601 (an offset names the same instant)"},
        {Variation::RetryAfterHttpDate, "retry_after_http_date",
         "Retry-After is an HTTP date (Sun, 15 Jun 2025 12:00:30 GMT) instead of a number of seconds",
         "RFC 9110 §10.2.3 (Retry-After = HTTP-date / delay-seconds)"},
        {Variation::OdrRepeat429, "odr_repeat_429",
         "an On-Demand Read repeated inside its ttl answers 429 with Retry-After (the ttl left) instead of the same read",
         "UtilityAPI On-Demand Read docs (one read per ttl window; extra requests may be rate-limited)"},
        {Variation::BatchResourceUri, "batch_resource_uri",
         "the token's resourceURI is .../Batch/Subscription/{id}, which answers 202 + Retry-After while collecting",
         "ESPI / GBA OAD012 (resourceURI is the Batch/Subscription URL); GBA 2024-08-14 (202 accepted)"},
        {Variation::CollectionDelay, "collection_delay_202",
         "a new authorization's data takes at least 60 s to collect; Batch answers 202 + Retry-After meanwhile",
         "GBA [OADE] 2024-08-14 (202 on Batch/Subscription); UtilityAPI async batches (202 + Retry-After)"},
        {Variation::ReservedCharSecrets, "reserved_char_secrets",
         "every catalogue client secret ends with the reserved characters '+/=:% x' (a space included)",
         "RFC 6749 §2.3.1 and Appendix A.2 (client_secret is any VSCHAR; Basic form-urlencodes it)"},
    };
    return table;
}

std::optional<Variation> findVariation(const std::string& name)
{
    for (const VariationInfo& v : allVariations())
        if (name == v.name)
            return v.id;
    return std::nullopt;
}

const VariationInfo& variationInfo(Variation v)
{
    for (const VariationInfo& info : allVariations())
        if (info.id == v)
            return info;
    return allVariations().front(); // unreachable: every enumerator has a row (tested)
}

} // namespace gbc
