// Test helper: builds ESPI requests, runs them through handleEspi and reads Atom answers with pugixml.
#pragma once

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <map>
#include <string>
#include <vector>

#include "espi_routes.h"
#include "fake_directory.h"

namespace gbc::testing {

inline constexpr const char* kOrigin = "http://127.0.0.1:4321";
inline constexpr const char* kBase = "http://127.0.0.1:4321/DataCustodian/espi/1_1/resource/";

// GET of a path relative to the resource base ("Batch/Subscription/5?max-results=2" style query allowed).
inline HttpRequest espiGet(const std::string& relative, const std::string& token)
{
    HttpRequest r;
    r.method = "GET";
    r.host = "127.0.0.1:4321";
    std::string path = relative;
    const std::size_t q = path.find('?');
    if (q != std::string::npos) {
        std::string query = path.substr(q + 1);
        path.resize(q);
        std::size_t from = 0;
        while (from <= query.size()) {
            const std::size_t amp = std::min(query.find('&', from), query.size());
            const std::string kv = query.substr(from, amp - from);
            const std::size_t eq = kv.find('=');
            r.query.emplace(kv.substr(0, eq), eq == std::string::npos ? "" : kv.substr(eq + 1));
            from = amp + 1;
        }
    }
    r.path = "/DataCustodian/espi/1_1/resource/" + path;
    if (!token.empty())
        r.headers["authorization"] = "Bearer " + token;
    return r;
}

inline HttpAnswer call(World& w, const std::string& relative, const std::string& token)
{
    return handleEspi(w.ctx, espiGet(relative, token));
}

// Parses an answer body; fails the test when it is not well-formed.
inline pugi::xml_document parse(const HttpAnswer& a)
{
    pugi::xml_document doc;
    const auto res = doc.load_buffer(a.body.data(), a.body.size());
    EXPECT_TRUE(res) << res.description() << " in: " << a.body.substr(0, 300);
    return doc;
}

struct LinkSet {
    std::vector<std::string> self, up, related;
};

inline LinkSet linksOf(const pugi::xml_node& entry)
{
    LinkSet s;
    for (const pugi::xml_node& l : entry.children("link")) {
        const std::string rel = l.attribute("rel").value(), href = l.attribute("href").value();
        (rel == "self" ? s.self : rel == "up" ? s.up : s.related).push_back(href);
    }
    return s;
}

// All <entry> elements of a feed (or the root entry itself).
inline std::vector<pugi::xml_node> entriesOf(const pugi::xml_document& doc)
{
    std::vector<pugi::xml_node> out;
    if (doc.child("entry"))
        out.push_back(doc.child("entry"));
    for (const pugi::xml_node& e : doc.child("feed").children("entry"))
        out.push_back(e);
    return out;
}

// The first element child of an entry's <content> (the ESPI resource).
inline pugi::xml_node resourceOf(const pugi::xml_node& entry)
{
    return entry.child("content").first_child();
}

inline std::string relativeOf(const std::string& href)
{
    const std::string base = kBase;
    return href.compare(0, base.size(), base) == 0 ? href.substr(base.size()) : std::string();
}

} // namespace gbc::testing
