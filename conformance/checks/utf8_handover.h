// Hands a whole input buffer over to the next UTF-8 decoding of the same bytes on this thread, instead of a copy.
#pragma once

#include <string>
#include <string_view>

namespace gbc {

// While alive, the first toUtf8() call on this thread whose input is exactly `owner`'s bytes (same address and
// size, already UTF-8 without a byte-order mark) moves the buffer out of `owner` instead of copying it: `validate`
// reads a file into memory and the XML parser works in place, so a 16 MB feed needs 16 MB less memory to touch.
// Only for a buffer nobody else reads meanwhile (not while the XSD pass streams it on another thread).
class Utf8Handover {
public:
    explicit Utf8Handover(std::string& owner);
    ~Utf8Handover();
    Utf8Handover(const Utf8Handover&) = delete;
    Utf8Handover& operator=(const Utf8Handover&) = delete;
};

// The handed-over buffer when `bytes` is exactly it (the buffer is then moved into the result), else nullptr.
std::string* takeHandedOver(std::string_view bytes);

} // namespace gbc
