// Strict, located JSON field access used by every data loader (catalogue, target files, expected failures).
#include "json_reader.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace gbc {

namespace {

std::string escapePointerToken(const std::string& key)
{
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

const char* typeName(const nlohmann::json& v)
{
    return v.type_name();
}

} // namespace

JsonReader::JsonReader(const nlohmann::json& value, std::string file, std::string pointer)
    : value_(value), file_(std::move(file)), pointer_(std::move(pointer))
{
}

void JsonReader::fail(const std::string& code, const std::string& message) const
{
    throw JsonReadError(Error{code, where(), message});
}

void JsonReader::expect(nlohmann::json::value_t type, const char* what) const
{
    if (value_.type() != type)
        fail("json.wrong_type", std::string("expected ") + what + ", found " + typeName(value_));
}

void JsonReader::allowOnly(std::initializer_list<const char*> allowed) const
{
    expect(nlohmann::json::value_t::object, "an object");
    for (const auto& item : value_.items()) {
        const bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* k) { return item.key() == k; });
        if (!known) {
            std::string list;
            for (const char* k : allowed)
                list += std::string(list.empty() ? "" : ", ") + k;
            child(item.key()).fail("json.unknown_key", "unknown key '" + item.key() + "' (allowed: " + list + ")");
        }
    }
}

bool JsonReader::has(const std::string& key) const
{
    return value_.is_object() && value_.contains(key) && !value_.at(key).is_null();
}

JsonReader JsonReader::child(const std::string& key) const
{
    static const nlohmann::json null;
    const nlohmann::json& v = value_.is_object() && value_.contains(key) ? value_.at(key) : null;
    return JsonReader(v, file_, pointer_ + "/" + escapePointerToken(key));
}

JsonReader JsonReader::at(const std::string& key) const
{
    expect(nlohmann::json::value_t::object, "an object");
    if (!value_.contains(key))
        child(key).fail("json.missing_key", "required key '" + key + "' is missing");
    return child(key);
}

std::string JsonReader::string(const std::string& key) const { return at(key).asString(); }

std::string JsonReader::string(const std::string& key, const std::string& fallback) const
{
    return has(key) ? child(key).asString() : fallback;
}

std::string JsonReader::asString() const
{
    expect(nlohmann::json::value_t::string, "a string");
    return value_.get<std::string>();
}

std::int64_t JsonReader::integer(const std::string& key) const
{
    const JsonReader v = at(key);
    if (!v.value_.is_number_integer())
        v.fail("json.wrong_type", std::string("expected an integer, found ") + typeName(v.value_));
    return v.value_.get<std::int64_t>();
}

std::int64_t JsonReader::integer(const std::string& key, std::int64_t fallback) const
{
    return has(key) ? integer(key) : fallback;
}

bool JsonReader::boolean(const std::string& key, bool fallback) const
{
    if (!has(key))
        return fallback;
    const JsonReader v = child(key);
    v.expect(nlohmann::json::value_t::boolean, "true or false");
    return v.value_.get<bool>();
}

std::vector<std::string> JsonReader::strings(const std::string& key) const
{
    std::vector<std::string> out;
    if (!has(key))
        return out;
    for (const JsonReader& item : child(key).items())
        out.push_back(item.asString());
    return out;
}

std::vector<JsonReader> JsonReader::items() const
{
    expect(nlohmann::json::value_t::array, "an array");
    std::vector<JsonReader> out;
    for (std::size_t i = 0; i < value_.size(); ++i)
        out.emplace_back(value_.at(i), file_, pointer_ + "/" + std::to_string(i));
    return out;
}

std::vector<std::pair<std::string, JsonReader>> JsonReader::members() const
{
    expect(nlohmann::json::value_t::object, "an object");
    std::vector<std::pair<std::string, JsonReader>> out;
    for (const auto& item : value_.items())
        out.emplace_back(item.key(), child(item.key()));
    return out;
}

Result<nlohmann::json> parseJsonText(const std::string& text, const std::string& file)
{
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        return Error{"json.syntax", file + ":byte " + std::to_string(e.byte), e.what()};
    }
}

Result<std::string> readTextFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"file.unreadable", path, "cannot open the file for reading"};
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad())
        return Error{"file.unreadable", path, "reading the file failed"};
    return buf.str();
}

} // namespace gbc
