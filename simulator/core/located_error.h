// The JSON answer of an admin input error: {"error", "error_description", "pointer"} (JSON pointer into the body).
#pragma once

#include <string>

#include "http_types.h"
#include "result.h"

namespace gbc {

// `e.where` is "file:/pointer" (JsonReader) or "file: byte N" (syntax); `file` is the name the body was read under.
// A pointer becomes "pointer"; any other location "at".
HttpAnswer locatedErrorAnswer(int status, const Error& e, const std::string& file);

} // namespace gbc
