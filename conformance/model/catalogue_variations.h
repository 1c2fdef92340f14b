// Catalogue changes a simulator variation implies, shared by gbc-sim and the runner's --sim target builder.
#pragma once

#include <string>
#include <vector>

#include "catalogue.h"

namespace gbc {

// Variation reserved_char_secrets: every client secret ends with these (RFC 6749 Appendix A.2 allows any VSCHAR).
inline constexpr const char* kReservedSecretSuffix = "+/=:% x";
inline constexpr const char* kReservedSecretVariation = "reserved_char_secrets";

// `catalogue` with kReservedSecretSuffix appended to every client secret.
Catalogue withReservedCharSecrets(Catalogue catalogue);

// True when simulator arguments switch on `variation` (--variation NAME or --variation=NAME).
bool simArgsHaveVariation(const std::vector<std::string>& simArgs, const std::string& variation);

} // namespace gbc
