// Per-entry identity and time stamps of an Atom document (atom:id, self href, atom:updated), for the query and
// cross-document checks, read through the validator's EspiDocument (entries recognised by the Atom namespace).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gbc {

struct EntryStamp {
    std::string id;                     // atom:id text, trimmed
    std::string self;                   // href of link rel="self" ("" when absent)
    std::string kind;                   // local name of the resource inside <content>
    std::optional<std::int64_t> updated; // atom:updated as an instant (any offset); nullopt when absent or malformed
    std::string fields; // LocalTimeParameters only: "dstEndRule=...;dstOffset=...;..." in document order
};

// The entries of a feed (or the single root entry); nullopt when `xml` is not a well-formed Atom document.
std::optional<std::vector<EntryStamp>> entryStamps(const std::string& xml);

} // namespace gbc
