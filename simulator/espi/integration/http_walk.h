// Integration-test helper: a gbc-sim server on loopback port 0, the OAuth code flow with auth-test-<account>, and a
// crawler that follows every self/related link of the ESPI documents it fetches.
#pragma once

#include <httplib.h>
#include <pugixml.hpp>

#include <deque>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "catalogue_loader.h"
#include "sim_server.h"

namespace gbc::espihttp {

struct Grant {
    std::string accessToken, resourceUri, authorizationUri, customerResourceUri, scope;
};

struct Fetched {
    std::string url;
    int status = 0;
    std::string contentType, body;
};

inline std::string firstMatch(const std::string& text, const std::string& re)
{
    std::smatch m;
    return std::regex_search(text, m, std::regex(re)) ? m[1].str() : std::string();
}

// Runs authorize (auth-test-<account> skips verification) -> consent (all services) -> token exchange.
// Returns an empty Grant (and records a failure) when a step does not answer as expected.
inline Grant codeFlow(int port, const std::string& utility, const Client& client, const std::string& account,
                      std::size_t services, const std::string& scopeEncoded)
{
    httplib::Client cli("127.0.0.1", port);
    const std::string redirect = "http%3A%2F%2F127.0.0.1%2Fcallback";
    const std::string authorize = "/DataCustodian/" + utility + "/oauth/authorize";
    auto page = cli.Get((authorize + "?response_type=code&client_id=" + client.clientId + "&redirect_uri=" + redirect +
                         "&state=xyz&scope=" + scopeEncoded + "%3BAdditionalScope%3Dauth-test-" + account)
                            .c_str());
    EXPECT_TRUE(page && page->status == 200) << utility << " authorize page";
    if (!page || page->status != 200)
        return {};
    std::string form = "flow=" + firstMatch(page->body, R"re(name="flow" value="([0-9a-f]+)")re") + "&decision=approve";
    for (std::size_t i = 0; i < services; ++i)
        form += "&service=" + std::to_string(i);
    auto done = cli.Post(authorize.c_str(), form, "application/x-www-form-urlencoded");
    EXPECT_TRUE(done && done->status == 302) << utility << " consent: " << (done ? done->body : "no answer");
    if (!done || done->status != 302)
        return {};
    const std::string code = firstMatch(done->get_header_value("Location"), "[?&]code=([^&]+)");
    httplib::Client tokenCli("127.0.0.1", port);
    tokenCli.set_basic_auth(client.clientId.c_str(), client.clientSecret.c_str());
    auto tok = tokenCli.Post(("/DataCustodian/" + utility + "/oauth/token").c_str(),
                             "grant_type=authorization_code&code=" + code + "&redirect_uri=" + redirect,
                             "application/x-www-form-urlencoded");
    EXPECT_TRUE(tok && tok->status == 200) << utility << " token: " << (tok ? tok->body : "no answer");
    if (!tok || tok->status != 200)
        return {};
    auto field = [&](const char* name) { return firstMatch(tok->body, std::string("\"") + name + R"re("\s*:\s*"([^"]*)")re"); };
    return Grant{field("access_token"), field("resourceURI"), field("authorizationURI"), field("customerResourceURI"),
                 field("scope")};
}

// GETs `start` and every self/related href on `origin` reachable from it, each once, with the bearer token.
inline std::vector<Fetched> crawl(const std::string& origin, const std::vector<std::string>& start,
                                  const std::string& token, std::size_t limit = 5000)
{
    const std::string host = origin.substr(origin.find("://") + 3);
    httplib::Client cli(host.substr(0, host.find(':')), std::stoi(host.substr(host.find(':') + 1)));
    const httplib::Headers headers = {{"Authorization", "Bearer " + token}};
    std::deque<std::string> queue(start.begin(), start.end());
    std::set<std::string> seen(start.begin(), start.end());
    std::vector<Fetched> out;
    while (!queue.empty() && out.size() < limit) {
        const std::string url = queue.front();
        queue.pop_front();
        auto res = cli.Get(url.substr(origin.size()).c_str(), headers);
        Fetched f{url, res ? res->status : 0, res ? res->get_header_value("Content-Type") : "", res ? res->body : ""};
        pugi::xml_document doc;
        if (f.status == 200 && doc.load_buffer(f.body.data(), f.body.size()))
            for (const pugi::xpath_node& n : doc.select_nodes("//*[local-name()='link'][@rel='self' or @rel='related']")) {
                const std::string href = n.node().attribute("href").value();
                if (href.rfind(origin + "/", 0) == 0 && seen.insert(href).second)
                    queue.push_back(href);
            }
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace gbc::espihttp
