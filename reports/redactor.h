// Secret redaction for evidence: known secret values, credential headers, and token-like fields in bodies.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "report.h"

namespace gbc {

class Redactor {
public:
    // Every later occurrence of `value` becomes "[redacted:<label>#n]" (n counts distinct values per label).
    // Values shorter than 4 characters are ignored (too likely to hit innocent text).
    void addSecret(const std::string& value, const std::string& label);

    // Replaces a volatile value (e.g. "http://127.0.0.1:40123") by a stable placeholder (e.g. "{sim}").
    void addAlias(const std::string& value, const std::string& placeholder);

    std::string apply(const std::string& text) const;

    // Redacts URL, headers (Authorization, Cookie, Set-Cookie values) and bodies of an exchange in place.
    void apply(HttpExchange& exchange) const;

    const std::map<std::string, std::string>& aliases() const { return aliases_; }

    // Length of the longest secret or alias value: text clipped with at least this margin (plus a field name)
    // after the kept part redacts the kept part exactly as the whole text would.
    std::size_t longestValue() const;

private:
    std::string redactFields(const std::string& text) const;
    std::string headerValue(const std::string& name, const std::string& value) const;

    std::vector<std::pair<std::string, std::string>> secrets_; // value -> replacement, longest first
    std::map<std::string, int> labelCounts_;
    std::map<std::string, std::string> aliases_; // placeholder -> value
};

// Names of fields whose values are secrets wherever they appear (query, form, JSON).
const std::vector<std::string>& secretFieldNames();

} // namespace gbc
