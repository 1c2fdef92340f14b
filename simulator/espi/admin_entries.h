// Admin resources: Authorization entries (customer grants and a client's own client_credentials grant) and
// ApplicationInformation, plus the GBA certification link they carry.
#pragma once

#include <string>

#include "atom_writer.h"
#include "authorization_directory.h"
#include "catalogue.h"
#include "usage_entries.h"

namespace gbc {

// Where this simulator's OAuth and resource endpoints live, as absolute URLs.
struct EndpointUrls {
    std::string origin; // "http://127.0.0.1:4321"
    std::string base;   // origin + "/DataCustodian/espi/1_1/resource/"

    std::string authorize(const Utility& u) const { return origin + "/DataCustodian/" + u.id + "/oauth/authorize"; }
    std::string token(const Utility& u) const { return origin + "/DataCustodian/" + u.id + "/oauth/token"; }
};

// Fixed issue time of catalogue clients (ApplicationInformation client_id_issued_at): 2020-01-01T00:00:00Z.
inline constexpr EpochSeconds kClientIssuedAt = 1577836800;

// "https://cert.greenbuttonalliance.org/certificate/<uuid>" of a utility (stable, name-based).
std::string certificationLink(const Utility& u);

// expires_at of an authorization valid until revoked (record.expires == 0): 2100-01-01T00:00:00Z.
inline constexpr EpochSeconds kUntilRevoked = 4102444800;

// Authorization status code (espi.xsd AuthorizationStatus): 2 declined, 0 revoked or expired, 1 active.
int authorizationStatus(const AuthorizationRecord& r, EpochSeconds now);

// An Authorization entry for a customer grant. `bearerLowercase` = defect bearer_lowercase.
void writeAuthorizationEntry(AtomDocument& doc, EntryMode mode, const EndpointUrls& urls, const Utility* utility,
                             const AuthorizationRecord& r, EpochSeconds now, bool bearerLowercase);
// The Authorization entry of a client's own client_credentials grant (id = bulk id, resourceURI = Bulk).
void writeClientAuthorizationEntry(AtomDocument& doc, EntryMode mode, const EndpointUrls& urls, const Utility& u,
                                   const Client& client, const std::string& bulk, const std::string& scope,
                                   bool bearerLowercase);
// `mode` is the registration's current mode (the catalogue's, or as switched through /__sim/ admin).
void writeApplicationInformationEntry(AtomDocument& doc, const EndpointUrls& urls, const Utility& u,
                                      const Client& client, ClientMode mode);

} // namespace gbc
