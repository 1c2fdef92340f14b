// Strict, located JSON field access used by every data loader (catalogue, target files, expected failures).
#include "json_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>

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

// nlohmann's DOM builder plus what it does not check: a key repeated in one object (nlohmann keeps the last),
// reported with its JSON pointer, and errors (syntax, numbers out of range) as values with their byte offset.
class StrictSax : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
public:
    using Base = nlohmann::detail::json_sax_dom_parser<nlohmann::json>;
    StrictSax(nlohmann::json& out, std::string file) : Base(out, false), file_(std::move(file)) {}

    bool null() { return element() && Base::null(); }
    bool boolean(bool v) { return element() && Base::boolean(v); }
    bool number_integer(std::int64_t v) { return element() && Base::number_integer(v); }
    bool number_unsigned(std::uint64_t v) { return element() && Base::number_unsigned(v); }
    bool number_float(double v, const std::string& s) { return element() && Base::number_float(v, s); }
    bool string(std::string& v) { return element() && Base::string(v); }
    bool start_object(std::size_t n) { return open(false) && Base::start_object(n); }
    bool start_array(std::size_t n) { return open(true) && Base::start_array(n); }
    bool end_object() { frames_.pop_back(); return Base::end_object(); }
    bool end_array() { frames_.pop_back(); return Base::end_array(); }
    bool key(std::string& k)
    {
        Frame& f = frames_.back();
        f.token = escapePointerToken(k);
        if (!f.keys.insert(k).second) {
            error = Error{"json.duplicate_key", file_ + ":" + pointer(), "key '" + k + "' appears twice in this object"};
            return false;
        }
        return Base::key(k);
    }
    bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e)
    {
        const bool number = e.id == 406;
        error = Error{number ? "json.number_out_of_range" : "json.syntax", file_ + ":byte " + std::to_string(byte),
                      number ? "a number beyond the range of a double or a 64-bit integer: " + std::string(e.what()) : e.what()};
        return false;
    }

    std::optional<Error> error;

private:
    struct Frame {
        bool array = false;
        std::size_t next = 0;
        std::string token;
        std::set<std::string> keys;
    };
    bool element()
    {
        if (!frames_.empty() && frames_.back().array)
            frames_.back().token = std::to_string(frames_.back().next++);
        return true;
    }
    bool open(bool array)
    {
        element();
        frames_.push_back(Frame{array, 0, "", {}});
        return true;
    }
    std::string pointer() const
    {
        std::string p;
        for (const Frame& f : frames_)
            p += "/" + f.token;
        return p;
    }
    std::string file_;
    std::vector<Frame> frames_;
};

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
    if (v.value_.is_number_unsigned() && v.value_.get<std::uint64_t>() > std::uint64_t(INT64_MAX))
        v.fail("json.out_of_range", "integer " + v.value_.dump() + " is larger than " + std::to_string(INT64_MAX));
    return v.value_.get<std::int64_t>();
}

std::int64_t JsonReader::integerIn(const std::string& key, std::int64_t min, std::int64_t max) const
{
    const std::int64_t n = integer(key);
    if (n < min || n > max)
        child(key).fail("json.out_of_range", "expected an integer from " + std::to_string(min) + " to " +
                                                 std::to_string(max) + ", found " + std::to_string(n));
    return n;
}

std::int64_t JsonReader::integerIn(const std::string& key, std::int64_t fallback, std::int64_t min, std::int64_t max) const
{
    return has(key) ? integerIn(key, min, max) : fallback;
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
    nlohmann::json out;
    StrictSax sax(out, file);
    nlohmann::json::sax_parse(text, &sax, nlohmann::json::input_format_t::json, true);
    if (sax.error)
        return *sax.error;
    return out;
}

Result<std::string> readTextFile(const std::string& path, std::size_t maxBytes)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return Error{"file.unreadable", path, "cannot open the file for reading"};
    if (!S_ISREG(st.st_mode))
        return Error{"file.not_regular", path, "not a regular file (a directory, FIFO or device is not read)"};
    if (static_cast<std::uint64_t>(st.st_size) > maxBytes)
        return Error{"file.too_large", path, "larger than the " + std::to_string(maxBytes) + "-byte limit"};
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return Error{"file.unreadable", path, "cannot open the file for reading"};
    std::string text(maxBytes < 65536 ? maxBytes + 1 : 65536, '\0');
    std::size_t used = 0, n = 0;
    while ((n = std::fread(text.data() + used, 1, text.size() - used, f)) > 0 && used + n <= maxBytes) {
        used += n;
        if (used == text.size())
            text.resize(std::min(text.size() * 2, maxBytes + 1));
    }
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed)
        return Error{"file.unreadable", path, "reading the file failed"};
    if (n > 0) // the file grew past the limit while being read
        return Error{"file.too_large", path, "larger than the " + std::to_string(maxBytes) + "-byte limit"};
    text.resize(used);
    return text;
}

} // namespace gbc
