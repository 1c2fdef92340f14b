// Typed readings of ESPI text values: integers, epoch seconds, UUID ids and the espi.xsd code lists.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace gbc {

// Strict decimal integer (optional sign, digits only, no spaces inside); nullopt on junk or overflow.
std::optional<std::int64_t> parseInteger(std::string_view text);

// Epoch seconds at or above this (year 5138) are taken for milliseconds: any millisecond epoch after 1973 is.
inline constexpr std::int64_t kMillisecondEpochThreshold = 100000000000LL;
// 2000-01-01T00:00:00Z: an "absolute" expiry below this is really a relative lifetime (expires_in).
inline constexpr std::int64_t kEarliestAbsoluteEpoch = 946684800LL;

// An epoch-seconds field: a strict integer below the millisecond threshold (in absolute value).
std::optional<std::int64_t> parseEpochSeconds(std::string_view text);

// "urn:uuid:" + 8-4-4-4-12 hex digits (either case). The bare UUID is returned for further checks.
std::optional<std::string_view> uuidOfUrn(std::string_view id);
bool isUuid(std::string_view text);
// The version nibble of a UUID (1..8), 0 when `uuid` is not a UUID.
int uuidVersion(std::string_view uuid);

// Code lists from espi.xsd 4.0. Every numeric code type there is extensible: a union of the listed codes with its
// base type (UInt16; Int16 for UnitMultiplierKind), so an unlisted value of the base type is schema-valid.
using CodeList = std::span<const int>;
bool isCode(CodeList list, std::int64_t value);
enum class CodeFit { Listed, Extension, Invalid }; // Extension: unlisted but of the base type; Invalid: neither
CodeFit fitCode(CodeList list, std::optional<std::int64_t> value);
std::string describeCodeBase(CodeList list); // "a UInt16 (0..65535)" for expected-value texts
std::string describeCodes(CodeList list); // "0, 1, 2, ..." for expected-value texts

CodeList accumulationKinds();
CodeList commodityKinds();
CodeList currencies();
CodeList flowDirections();
CodeList measurementKinds();
CodeList phaseCodes();
CodeList powerOfTenMultipliers();
CodeList qualityOfReadings();
CodeList unitSymbols();
CodeList serviceKinds();
CodeList authorizationStatuses();
CodeList applicationStatuses();

} // namespace gbc
