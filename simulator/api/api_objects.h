// JSON API object bodies (pure): Authorization, Meter and Form, with the fields of the UtilityAPI reference.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "api_access.h"
#include "api_state.h"

namespace gbc {

// The fixed authorization form of a registration: "form-<clientId>".
std::string formUidOf(const Client& client);
nlohmann::json formJson(const Client& client, const Utility& utility, const std::string& origin);

nlohmann::json authorizationJson(const SimContext& ctx, const AuthorizationRecord& r, const AuthorizationExtras& extras,
                                 EpochSeconds now);

// res-electric, com-gas, ...
std::string serviceClass(const MeterRef& m);
// The "base" block: service and billing facts of the meter.
nlohmann::json meterBase(const MeterRef& m);
// expand = expand_meter_blocks: include the block contents (base) besides their names.
nlohmann::json meterJson(const MeterRef& m, const MeterRuntime* runtime, EpochSeconds now, bool expand);

// Utility-local ISO time with micros ("2024-06-01T00:00:00.000000-06:00").
std::string localIso(const Utility& u, EpochSeconds t);

} // namespace gbc
