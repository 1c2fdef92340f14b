// Integer, epoch and UUID parsing plus the espi.xsd 4.0 enumerations (values copied from the schema).
#include "espi_values.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>

namespace gbc {

std::optional<std::int64_t> parseInteger(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    bool negative = text[0] == '-';
    std::size_t i = (text[0] == '-' || text[0] == '+') ? 1 : 0;
    if (i == text.size())
        return std::nullopt;
    std::uint64_t v = 0;
    constexpr std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
        if (v > limit)
            return std::nullopt;
    }
    auto s = static_cast<std::int64_t>(v);
    return negative ? -s : s;
}

std::optional<std::int64_t> parseEpochSeconds(std::string_view text)
{
    std::optional<std::int64_t> v = parseInteger(text);
    if (!v || *v >= kMillisecondEpochThreshold || *v <= -kMillisecondEpochThreshold)
        return std::nullopt;
    return v;
}

bool isUuid(std::string_view t)
{
    if (t.size() != 36)
        return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? t[i] != '-' : !std::isxdigit(static_cast<unsigned char>(t[i])))
            return false;
    }
    return true;
}

std::optional<std::string_view> uuidOfUrn(std::string_view id)
{
    constexpr std::string_view prefix = "urn:uuid:";
    if (id.size() < prefix.size())
        return std::nullopt;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(id[i])) != prefix[i])
            return std::nullopt;
    std::string_view rest = id.substr(prefix.size());
    if (!isUuid(rest))
        return std::nullopt;
    return rest;
}

int uuidVersion(std::string_view uuid)
{
    if (!isUuid(uuid))
        return 0;
    char c = uuid[14];
    return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
}

bool isCode(CodeList list, std::int64_t value)
{
    return std::binary_search(list.begin(), list.end(), value);
}

std::string describeCodes(CodeList list)
{
    std::string out;
    for (int v : list)
        out += (out.empty() ? "" : ", ") + std::to_string(v);
    return out;
}

namespace {

// Each list sorted ascending (isCode uses binary search).
constexpr std::array kAccumulation{0, 1, 2, 3, 4, 6, 9, 10, 12, 13, 14};
constexpr std::array kCommodity{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                                23, 24, 25, 26};
constexpr std::array kCurrency{0, 36, 124, 156, 208, 356, 392, 578, 643, 752, 756, 826, 840, 978};
constexpr std::array kFlow{0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21};
constexpr std::array kPhase{0, 16, 17, 32, 33, 40, 41, 64, 65, 66, 72, 96, 97, 128, 129, 132, 136, 193,
                            224, 225, 256, 272, 512, 528, 768, 769, 784};
constexpr std::array kMultiplier{-12, -9, -6, -3, -2, -1, 0, 1, 2, 3, 6, 9, 12};
constexpr std::array kQuality{0, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
constexpr std::array kServiceKind{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
constexpr std::array kAuthStatus{0, 1, 2};
constexpr std::array kAppStatus{1, 2, 3, 4};

// MeasurementKind: 0, 2..28, 31..38, 40..60, 64, 81, 90..155.
constexpr auto kMeasurement = [] {
    std::array<int, 125> a{};
    std::size_t n = 0;
    a[n++] = 0;
    for (int v = 2; v <= 28; ++v) a[n++] = v;
    for (int v = 31; v <= 38; ++v) a[n++] = v;
    for (int v = 40; v <= 60; ++v) a[n++] = v;
    a[n++] = 64;
    a[n++] = 81;
    for (int v = 90; v <= 155; ++v) a[n++] = v;
    return a;
}();

// UnitSymbolKind, as listed in espi.xsd.
constexpr std::array kUnit{0,   2,   3,   4,   5,   6,   7,   8,   9,   10,  11,  21,  22,  23,  24,  25,  27,
                           28,  29,  30,  31,  32,  33,  34,  35,  36,  37,  38,  39,  41,  42,  43,  44,  45,
                           46,  47,  48,  49,  50,  51,  53,  54,  61,  63,  65,  66,  67,  68,  69,  70,  71,
                           72,  73,  74,  75,  76,  77,  78,  79,  80,  81,  82,  100, 101, 102, 103, 104, 105,
                           106, 107, 108, 109, 111, 113, 114, 115, 116, 117, 118, 119, 120, 123, 125, 126, 127,
                           128, 129, 130, 131, 132, 133, 134, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146,
                           147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163,
                           164, 165, 166, 167, 168, 169};

} // namespace

CodeFit fitCode(CodeList list, std::optional<std::int64_t> value)
{
    if (!value)
        return CodeFit::Invalid;
    if (isCode(list, *value))
        return CodeFit::Listed;
    bool signedBase = list.data() == kMultiplier.data(); // UnitMultiplierKind: union with Int16
    bool fits = signedBase ? (*value >= -32768 && *value <= 32767) : (*value >= 0 && *value <= 65535);
    return fits ? CodeFit::Extension : CodeFit::Invalid;
}

std::string describeCodeBase(CodeList list)
{
    return list.data() == kMultiplier.data() ? "an Int16 (-32768..32767)" : "a UInt16 (0..65535)";
}

CodeList accumulationKinds() { return kAccumulation; }
CodeList commodityKinds() { return kCommodity; }
CodeList currencies() { return kCurrency; }
CodeList flowDirections() { return kFlow; }
CodeList measurementKinds() { return kMeasurement; }
CodeList phaseCodes() { return kPhase; }
CodeList powerOfTenMultipliers() { return kMultiplier; }
CodeList qualityOfReadings() { return kQuality; }
CodeList unitSymbols() { return kUnit; }
CodeList serviceKinds() { return kServiceKind; }
CodeList authorizationStatuses() { return kAuthStatus; }
CodeList applicationStatuses() { return kAppStatus; }

} // namespace gbc
