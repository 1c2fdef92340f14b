// OS-CSPRNG secrets (codes, tokens, one-time codes) and constant-time comparison, on OpenSSL.
#pragma once

#include <cstddef>
#include <string>

namespace gbc {

// `bytes` random bytes from RAND_bytes as lower-case hex (2*bytes characters). Throws std::runtime_error only
// when the OS generator fails, which the server's exception handler turns into a 500.
std::string randomHex(std::size_t bytes);
// `count` random decimal digits (one-time codes), drawn without modulo bias.
std::string randomDigits(std::size_t count);
// Equal length and equal bytes, in time that depends only on the length (CRYPTO_memcmp).
bool constantTimeEquals(const std::string& a, const std::string& b);
// Raw 32-byte SHA-256 digest.
std::string sha256Raw(const std::string& data);
// Lower-case hex SHA-256: the store keys secrets by their hash so no table holds them in the clear.
std::string sha256Hex(const std::string& data);
// The first 6 characters then "…": how secrets appear in logs and error descriptions.
std::string redactSecret(const std::string& secret);

} // namespace gbc
