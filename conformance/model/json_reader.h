// Strict reading of JSON documents: typed field access that rejects unknown keys and wrong types with a located error.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "result.h"

namespace gbc {

// Thrown inside a reader and turned into an Error at the loader boundary (see readJson).
struct JsonReadError : std::runtime_error {
    explicit JsonReadError(Error e) : std::runtime_error(e.describe()), error(std::move(e)) {}
    Error error;
};

// A view of one JSON value with its location: "file:/json/pointer".
class JsonReader {
public:
    JsonReader(const nlohmann::json& value, std::string file, std::string pointer = "");

    const nlohmann::json& raw() const { return value_; }
    std::string where() const { return file_ + ":" + (pointer_.empty() ? "/" : pointer_); }

    // Object access. requireKeys rejects any key outside `allowed`.
    void allowOnly(std::initializer_list<const char*> allowed) const;
    bool has(const std::string& key) const;
    JsonReader at(const std::string& key) const; // required member
    std::string string(const std::string& key) const;
    std::string string(const std::string& key, const std::string& fallback) const;
    std::int64_t integer(const std::string& key) const;
    std::int64_t integer(const std::string& key, std::int64_t fallback) const;
    // Integers that must lie in [min, max]: anything else is a located "json.out_of_range".
    std::int64_t integerIn(const std::string& key, std::int64_t min, std::int64_t max) const;
    std::int64_t integerIn(const std::string& key, std::int64_t fallback, std::int64_t min, std::int64_t max) const;
    bool boolean(const std::string& key, bool fallback) const;
    std::vector<std::string> strings(const std::string& key) const; // absent -> empty

    // Array / value access.
    std::vector<JsonReader> items() const;              // this value must be an array
    std::vector<std::pair<std::string, JsonReader>> members() const; // this value must be an object
    std::string asString() const;

    [[noreturn]] void fail(const std::string& code, const std::string& message) const;

private:
    JsonReader child(const std::string& key) const;
    void expect(nlohmann::json::value_t type, const char* what) const;

    const nlohmann::json& value_;
    std::string file_;
    std::string pointer_;
};

// Parses `text` as JSON; a syntax error, a number beyond double/int64 range (1e400, 401 digits) or a key repeated
// in one object becomes an Error naming the file and the byte offset or JSON pointer.
Result<nlohmann::json> parseJsonText(const std::string& text, const std::string& file);

// Largest file readTextFile accepts by default (catalogue, target, expected-failure and report files).
inline constexpr std::size_t kMaxTextFileBytes = 64 * 1024 * 1024;

// Reads a whole regular file of at most maxBytes; a missing, unreadable, non-regular (FIFO, device, directory)
// or larger file becomes an Error naming the path.
Result<std::string> readTextFile(const std::string& path, std::size_t maxBytes = kMaxTextFileBytes);

} // namespace gbc
