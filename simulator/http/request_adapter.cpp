// httplib ⇄ HttpRequest/HttpAnswer: the only place that knows both shapes.
#include "request_adapter.h"

#include <cctype>

#include "url_codec.h"

namespace gbc {

namespace {

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

Status readForm(const httplib::Request& req, HttpRequest& out)
{
    const std::string type = lower(out.header("content-type"));
    if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
        auto fields = parseUrlEncoded(req.body, "body");
        if (!fields)
            return fields.error();
        out.form = std::move(*fields);
    } else if (type.rfind("multipart/form-data", 0) == 0) {
        for (const auto& [name, part] : req.files)
            out.form.emplace(name, part.content);
    }
    return okStatus();
}

} // namespace

Result<HttpRequest> toHttpRequest(const httplib::Request& req, bool tls)
{
    HttpRequest out;
    out.method = req.method;
    out.scheme = tls ? "https" : "http";
    for (const auto& [name, value] : req.headers) {
        auto [it, inserted] = out.headers.emplace(lower(name), value);
        if (!inserted)
            it->second += ", " + value;
    }
    out.host = out.header("host");
    if (out.host.empty())
        out.host = req.local_addr + ":" + std::to_string(req.local_port);
    const std::size_t q = req.target.find('?');
    auto path = percentDecode(req.target.substr(0, q), false);
    if (!path)
        return Error{"bad_encoding", "path", path.error().message};
    out.path = req.path;
    if (q != std::string::npos) {
        auto query = parseUrlEncoded(req.target.substr(q + 1), "query");
        if (!query)
            return query.error();
        out.query = std::move(*query);
    }
    out.body = req.body;
    if (Status st = readForm(req, out); !st)
        return st.error();
    for (const auto& m : req.matches)
        out.pathMatches.push_back(m.str());
    return out;
}

void applyAnswer(HttpAnswer&& answer, httplib::Response& res)
{
    res.status = answer.status;
    for (const auto& [name, value] : answer.headers)
        res.set_header(name, value);
    res.set_header("Content-Type", answer.contentType); // what set_content does, without copying the body
    res.body = std::move(answer.body);
}

} // namespace gbc
