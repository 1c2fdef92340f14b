// Expected-failures loader (strict, located errors) and glob matching for check and variant selection.
#include "expected_failures.h"

#include <fnmatch.h>

#include "json_reader.h"

namespace gbc {

bool globMatch(const std::string& pattern, const std::string& text)
{
    return fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

Result<std::vector<ExpectedFailure>> parseExpectedFailures(const std::string& text, const std::string& file)
{
    Result<nlohmann::json> parsed = parseJsonText(text, file);
    if (!parsed)
        return parsed.error();
    try {
        const JsonReader root(parsed.value(), file);
        root.allowOnly({"expectedFailures"});
        std::vector<ExpectedFailure> out;
        for (const JsonReader& item : root.at("expectedFailures").items()) {
            item.allowOnly({"check", "variant", "reason"});
            ExpectedFailure e{item.string("check"), item.string("variant", "*"), item.string("reason"), item.where()};
            if (e.reason.find_first_not_of(" \t") == std::string::npos)
                item.at("reason").fail("expected.reason", "every expected failure needs a reason");
            if (e.check.empty())
                item.at("check").fail("expected.check", "check must name a check id or glob");
            out.push_back(e);
        }
        return out;
    } catch (const JsonReadError& e) {
        return e.error;
    }
}

Result<std::vector<ExpectedFailure>> loadExpectedFailures(const std::string& path)
{
    Result<std::string> text = readTextFile(path);
    if (!text)
        return text.error();
    return parseExpectedFailures(text.value(), path);
}

} // namespace gbc
