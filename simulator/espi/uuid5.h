// Name-based (version 5, SHA-1) UUIDs for stable Atom ids: urn:uuid:xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace gbc {

using Uuid = std::array<std::uint8_t, 16>;

// RFC 4122 section 4.3: SHA-1 over namespace bytes + name, version 5, variant 10.
Uuid uuid5(const Uuid& nameSpace, std::string_view name);
// Lower-case 8-4-4-4-12 form.
std::string formatUuid(const Uuid& u);
// The RFC 4122 URL namespace 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
const Uuid& urlNamespace();
// "urn:uuid:" + uuid5(simulator namespace, name): the Atom id of a resource named `name`.
std::string atomId(std::string_view name);

} // namespace gbc
