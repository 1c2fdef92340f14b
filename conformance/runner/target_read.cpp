// Strict target-file loader: unknown keys, wrong types, bad URLs and incomplete variants are located errors.
#include "target.h"

#include "json_reader.h"
#include "url.h"

namespace gbc {

namespace {

void readUrl(const JsonReader& r, const char* key, std::string& into)
{
    if (!r.has(key))
        return;
    into = r.string(key);
    if (into.find("${") == std::string::npos && !parseUrl(into))
        r.at(key).fail("target.bad_url", "'" + into + "' is not an absolute http(s) URL");
}

LoginStep readStep(const JsonReader& r)
{
    r.allowOnly({"open", "fill", "fillFromElement", "submit", "choose"});
    const auto members = r.members();
    if (members.size() != 1)
        r.fail("target.login_step", "a login step has exactly one action: open, fill, fillFromElement, submit or choose");
    const auto& [name, body] = members.front();
    LoginStep s;
    s.where = r.where();
    if (name == "open") {
        s.action = LoginAction::Open;
        if (body.asString() != "authorize")
            body.fail("target.login_step", "open supports only \"authorize\"");
    } else if (name == "fill" || name == "choose") {
        s.action = name == "fill" ? LoginAction::Fill : LoginAction::Choose;
        for (const auto& [k, v] : body.members())
            s.fields[k] = v.asString();
        if (s.fields.empty() || (s.action == LoginAction::Choose && s.fields.size() != 1))
            body.fail("target.login_step", name == "fill" ? "fill needs at least one field" : "choose needs one button name");
    } else if (name == "fillFromElement") {
        s.action = LoginAction::FillFromElement;
        body.allowOnly({"field", "element", "attribute"});
        s.field = body.string("field");
        s.elementId = body.string("element");
        s.attribute = body.string("attribute", "");
    } else {
        s.action = LoginAction::Submit;
        body.allowOnly({"form"});
        s.formId = body.string("form", "");
    }
    return s;
}

void readOAuth(const JsonReader& o, OAuthConfig& cfg)
{
    o.allowOnly({"authorizeUrl", "tokenUrl", "revokeUrl", "clientId", "clientSecret", "scope", "redirectUri", "pkce"});
    readUrl(o, "authorizeUrl", cfg.authorizeUrl);
    readUrl(o, "tokenUrl", cfg.tokenUrl);
    readUrl(o, "revokeUrl", cfg.revokeUrl);
    readUrl(o, "redirectUri", cfg.redirectUri);
    cfg.clientId = o.string("clientId", cfg.clientId);
    cfg.clientSecret = o.string("clientSecret", cfg.clientSecret);
    cfg.scope = o.string("scope", cfg.scope);
    cfg.pkce = o.boolean("pkce", cfg.pkce);
}

void readEspi(const JsonReader& e, EspiConfig& cfg)
{
    e.allowOnly({"resourceBase", "registrationToken", "applicationInformationUrl", "functionBlocks", "windowDays"});
    readUrl(e, "resourceBase", cfg.resourceBase);
    readUrl(e, "applicationInformationUrl", cfg.applicationInformationUrl);
    cfg.registrationToken = e.string("registrationToken", cfg.registrationToken);
    cfg.functionBlocks = e.string("functionBlocks", cfg.functionBlocks);
    cfg.windowDays = static_cast<int>(e.integerIn("windowDays", cfg.windowDays, 1, 400));
}

void readServices(const JsonReader& r, EndpointConfig& cfg)
{
    if (r.has("jsonApi")) {
        const JsonReader j = r.at("jsonApi");
        j.allowOnly({"base", "token"});
        readUrl(j, "base", cfg.jsonApi.base);
        cfg.jsonApi.token = j.string("token", cfg.jsonApi.token);
    }
    if (r.has("odr")) {
        const JsonReader o = r.at("odr");
        o.allowOnly({"url", "maxWaitSeconds"});
        readUrl(o, "url", cfg.odr.url);
        cfg.odr.maxWaitSeconds = static_cast<int>(o.integerIn("maxWaitSeconds", cfg.odr.maxWaitSeconds, 0, 86400));
    }
    if (r.has("simulator")) {
        const JsonReader s = r.at("simulator");
        s.allowOnly({"clockUrl"});
        readUrl(s, "clockUrl", cfg.clockUrl);
    }
}

void readTransport(const JsonReader& r, EndpointConfig& cfg)
{
    if (r.has("tls")) {
        const JsonReader t = r.at("tls");
        t.allowOnly({"caFile", "insecure"});
        cfg.caFile = t.string("caFile", cfg.caFile);
        cfg.insecure = t.boolean("insecure", cfg.insecure);
    }
    if (r.has("http")) {
        const JsonReader h = r.at("http");
        h.allowOnly({"timeoutSeconds", "retryWaitSeconds"});
        const std::int64_t s = h.integerIn("timeoutSeconds", cfg.timeoutMs / 1000, 1, 300);
        cfg.timeoutMs = static_cast<int>(s * 1000);
        cfg.retryWaitSeconds = static_cast<int>(h.integerIn("retryWaitSeconds", cfg.retryWaitSeconds, 0, 3600));
    }
}

// Reads the sections present in `r` over `cfg` (top level: defaults; variant: overrides).
void readConfig(const JsonReader& r, EndpointConfig& cfg)
{
    if (r.has("oauth"))
        readOAuth(r.at("oauth"), cfg.oauth);
    if (r.has("espi"))
        readEspi(r.at("espi"), cfg.espi);
    readServices(r, cfg);
    readTransport(r, cfg);
    if (r.has("login")) {
        cfg.login.clear();
        for (const JsonReader& step : r.at("login").items())
            cfg.login.push_back(readStep(step));
    }
}

void requireComplete(const JsonReader& at, const VariantSpec& v)
{
    const OAuthConfig& o = v.config.oauth;
    const std::pair<const char*, const std::string*> required[] = {{"oauth.authorizeUrl", &o.authorizeUrl},
        {"oauth.tokenUrl", &o.tokenUrl}, {"oauth.clientId", &o.clientId}, {"oauth.clientSecret", &o.clientSecret},
        {"oauth.scope", &o.scope}, {"espi.resourceBase", &v.config.espi.resourceBase}};
    for (const auto& [name, value] : required)
        if (value->empty())
            at.fail("target.incomplete", "variant '" + v.id + "' has no " + name + " (set it at the top level or in the variant)");
    if (v.config.login.empty())
        at.fail("target.incomplete", "variant '" + v.id + "' has no login script");
}

VariantSpec readVariant(const JsonReader& r, const EndpointConfig& defaults)
{
    r.allowOnly({"id", "utility", "auth", "scenario", "description", "expect", "vars", "oauth", "espi", "jsonApi",
        "odr", "tls", "http", "simulator", "login"});
    VariantSpec v;
    v.id = r.string("id");
    v.utility = r.string("utility", "");
    v.auth = r.string("auth", "");
    v.scenario = r.string("scenario", "");
    v.description = r.string("description", "");
    const std::string expect = r.string("expect", "authorized");
    if (expect != "authorized" && expect != "no_code")
        r.at("expect").fail("target.expect", "expect must be \"authorized\" or \"no_code\"");
    v.expect = expect == "authorized" ? Expectation::Authorized : Expectation::NoCode;
    if (r.has("vars"))
        for (const auto& [k, val] : r.at("vars").members())
            v.vars[k] = val.asString();
    v.config = defaults;
    readConfig(r, v.config);
    requireComplete(r, v);
    return v;
}

Target readTarget(const JsonReader& root, const std::string& file)
{
    root.allowOnly({"name", "oauth", "espi", "jsonApi", "odr", "tls", "http", "simulator", "login", "variants"});
    Target t;
    t.file = file;
    t.name = root.string("name");
    EndpointConfig defaults;
    readConfig(root, defaults);
    if (!root.has("variants")) {
        VariantSpec v;
        v.id = "default";
        v.config = defaults;
        requireComplete(root, v);
        t.variants.push_back(v);
        return t;
    }
    for (const JsonReader& item : root.at("variants").items()) {
        t.variants.push_back(readVariant(item, defaults));
        for (std::size_t i = 0; i + 1 < t.variants.size(); ++i)
            if (t.variants[i].id == t.variants.back().id)
                item.at("id").fail("target.duplicate", "variant id '" + t.variants.back().id + "' is used twice");
    }
    if (t.variants.empty())
        root.at("variants").fail("target.incomplete", "variants must list at least one variant");
    return t;
}

} // namespace

Result<Target> parseTarget(const std::string& text, const std::string& file)
{
    Result<nlohmann::json> parsed = parseJsonText(text, file);
    if (!parsed)
        return parsed.error();
    try {
        return readTarget(JsonReader(parsed.value(), file), file);
    } catch (const JsonReadError& e) {
        return e.error;
    }
}

Result<Target> loadTargetFile(const std::string& path)
{
    Result<std::string> text = readTextFile(path);
    if (!text)
        return text.error();
    return parseTarget(text.value(), path);
}

std::string substituteVars(const std::string& text, const std::map<std::string, std::string>& vars)
{
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = text.find("${", i);
        const std::size_t end = start == std::string::npos ? start : text.find('}', start);
        if (end == std::string::npos) {
            out += text.substr(i);
            break;
        }
        out += text.substr(i, start - i);
        auto it = vars.find(text.substr(start + 2, end - start - 2));
        out += it == vars.end() ? text.substr(start, end - start + 1) : it->second;
        i = end + 1;
    }
    return out;
}

} // namespace gbc
