// HTTP client wrapper and regex readers for the simulator's plain HTML forms.
#include "flow_driver.h"

#include <regex>

#include "url_codec.h"

namespace gbc::simtest {

namespace {

Reply toReply(const httplib::Result& res)
{
    Reply r;
    if (!res) {
        r.error = httplib::to_string(res.error());
        return r;
    }
    r.status = res->status;
    r.body = res->body;
    r.location = res->get_header_value("Location");
    r.contentType = res->get_header_value("Content-Type");
    r.cacheControl = res->get_header_value("Cache-Control");
    r.wwwAuthenticate = res->get_header_value("WWW-Authenticate");
    return r;
}

std::string first(const std::string& text, const std::string& re)
{
    std::smatch m;
    return std::regex_search(text, m, std::regex(re)) ? m[1].str() : std::string();
}

std::string formId(const std::string& html)
{
    return first(html, R"re(<form id="([a-z-]+)")re");
}

} // namespace

HttpDriver::HttpDriver(const std::string& baseUrl, const std::string& caFile) : client_(baseUrl)
{
    client_.set_connection_timeout(5);
    client_.set_read_timeout(10);
    if (baseUrl.rfind("https", 0) == 0) {
        client_.enable_server_certificate_verification(!caFile.empty());
        if (!caFile.empty())
            client_.set_ca_cert_path(caFile.c_str());
    }
}

Reply HttpDriver::get(const std::string& target, const httplib::Headers& headers)
{
    return toReply(client_.Get(target.c_str(), headers));
}

Reply HttpDriver::postForm(const std::string& path, const Fields& fields, const httplib::Headers& headers)
{
    return postRaw(path, formatUrlEncoded(fields), "application/x-www-form-urlencoded", headers);
}

Reply HttpDriver::postMultipart(const std::string& path, const Fields& fields, const httplib::Headers& headers)
{
    httplib::MultipartFormDataItems items;
    for (const auto& [k, v] : fields)
        items.push_back({k, v, "", ""});
    return toReply(client_.Post(path.c_str(), headers, items));
}

Reply HttpDriver::postRaw(const std::string& path, const std::string& body, const std::string& contentType,
                          const httplib::Headers& headers)
{
    return toReply(client_.Post(path.c_str(), headers, body, contentType.c_str()));
}

std::string formAction(const std::string& html)
{
    return first(html, R"re(<form id="[a-z-]+" method="post" action="([^"]*)")re");
}

std::string flowField(const std::string& html)
{
    return first(html, R"re(name="flow" value="([0-9a-f]+)")re");
}

std::string dataError(const std::string& html)
{
    return first(html, R"re(id="error" data-error="([a-z_]+)")re");
}

std::string sandboxOtp(const std::string& html)
{
    return first(html, R"re(id="sandbox-otp">([0-9]+)<)re");
}

std::vector<std::string> serviceValues(const std::string& html)
{
    std::vector<std::string> out;
    static const std::regex re(R"re(name="service" value="([0-9]+)" checked)re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1].str());
    return out;
}

std::string queryValue(const std::string& url, const std::string& name)
{
    const std::string raw = first(url, "[?&]" + name + "=([^&#]*)");
    auto decoded = percentDecode(raw, true);
    return decoded ? *decoded : raw;
}

httplib::Headers basicAuth(const std::string& id, const std::string& secret)
{
    return {httplib::make_basic_authentication_header(id, secret)};
}

WalkResult walkAuthorize(HttpDriver& http, const std::string& authorizeTarget, const Fields& verifyFields,
                         const std::string& decision)
{
    WalkResult w;
    Reply page = http.get(authorizeTarget);
    for (int step = 0; step < 6 && page.status == 200; ++step) {
        w.dataError = dataError(page.body);
        const std::string id = formId(page.body);
        w.pages.push_back(id);
        if (!w.dataError.empty() || id.empty())
            return w;
        Fields fields{{"flow", flowField(page.body)}};
        if (id == "otp-form") {
            fields.emplace_back("action", "otp");
            fields.emplace_back("otp", sandboxOtp(page.body));
        } else if (id == "consent-form") {
            fields.emplace_back("decision", decision);
            const auto services = serviceValues(page.body);
            w.services = services.size();
            for (const std::string& s : services)
                fields.emplace_back("service", s);
        } else {
            fields.emplace_back("action", "verify");
            fields.insert(fields.end(), verifyFields.begin(), verifyFields.end());
        }
        page = http.postForm(formAction(page.body), fields);
    }
    w.location = page.location;
    if (w.dataError.empty())
        w.dataError = dataError(page.body);
    return w;
}

} // namespace gbc::simtest
