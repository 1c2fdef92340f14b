// Errors as values: a located error and a Result<T> that holds a value or that error.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace gbc {

// A failure with a stable code, a location (file + JSON pointer, URL + parameter, XPath...) and a message.
struct Error {
    std::string code;     // stable id, e.g. "catalogue.unknown_key"
    std::string where;    // location, e.g. "scenarios/utilities/essex.json:/customers/0/scenario"
    std::string message;  // one human sentence

    // "[code] where: message" (where omitted when empty).
    std::string describe() const
    {
        std::string out = "[" + code + "] ";
        if (!where.empty())
            out += where + ": ";
        return out + message;
    }
};

template <typename T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<0>(v_); }
    T& value() & { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &std::get<0>(v_); }
    T* operator->() { return &std::get<0>(v_); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// Result for operations that produce nothing on success.
struct Unit {};
using Status = Result<Unit>;
inline Status okStatus() { return Unit{}; }

} // namespace gbc
