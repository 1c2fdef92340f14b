// What the catalogue accepts beyond JSON types: identifier characters, URL and host shapes, number ranges.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gbc {

// Identifiers (client ids, customer ids): 1-64 characters from A-Z a-z 0-9 _ . - (the /__sim routes' set).
inline constexpr const char* kIdentifierChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-";
inline constexpr std::size_t kMaxIdentifierLength = 64;
// Delays, ODR timings and lifetimes: 0 to 10 years of seconds.
inline constexpr std::int64_t kMaxCatalogueSeconds = 10LL * 366 * 86400;
// Time zone and DST offsets: within ±14 hours, in seconds.
inline constexpr std::int64_t kMaxZoneOffsetSeconds = 14 * 3600;
// ISO 4217 numeric currency codes: 1 to 999.
inline constexpr std::int64_t kMaxCurrencyCode = 999;

// Why `id` is not an identifier, or nullopt.
std::optional<std::string> identifierProblem(const std::string& id);
// Why `host` is not "name[:port]" (letters, digits, '.', '-'; port 1-65535), or nullopt.
std::optional<std::string> hostProblem(const std::string& host);
// Why `url` is not http(s)://host[:port][/path][?query] with printable ASCII, no fragment, no credentials and a
// port of 1-65535 when one is written, or nullopt. Rejects javascript:, data:, CR/LF, "http://h:/" and ":65536".
std::optional<std::string> httpUrlProblem(const std::string& url);

} // namespace gbc
