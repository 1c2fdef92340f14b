// Located admin errors as JSON: the part of the location after "file:" is the pointer.
#include "located_error.h"

#include <nlohmann/json.hpp>

namespace gbc {

HttpAnswer locatedErrorAnswer(int status, const Error& e, const std::string& file)
{
    std::string at = e.where.rfind(file + ":", 0) == 0 ? e.where.substr(file.size() + 1) : e.where;
    if (!at.empty() && at[0] == ' ')
        at.erase(0, 1);
    nlohmann::json body = {{"error", e.code}, {"error_description", e.message}};
    body[!at.empty() && at[0] == '/' ? "pointer" : "at"] = at;
    HttpAnswer a = HttpAnswer::make(status, "application/json", body.dump(2));
    a.withHeader("Cache-Control", "no-store");
    return a;
}

} // namespace gbc
