// libFuzzer entry point: any bytes through the whole validate path (decode, parse, index, every check, locations).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "validate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // Inferred FBs, then every FB claimed, so the FB-specific checks also see arbitrary input.
    gbc::ValidationResult inferred = gbc::validateDocument(bytes, {}, "fuzz");
    gbc::ValidateOptions all;
    all.claimed = *gbc::parseFunctionBlocks("1_4_5_6_7_8_9_10_11_12_15_16_17_27_28_29");
    all.maxFindingsPerCheck = 20;
    gbc::ValidationResult claimed = gbc::validateDocument(bytes, all, "fuzz");
    // A usable document must give the same verdict on parse whatever the FB claim.
    if (inferred.usable != claimed.usable)
        __builtin_trap();
    return 0;
}
