// Entry stamps (atom:id, self href, atom:updated) read with pugixml by local element names.
#include "feed_stamps.h"

#include <cstring>

#include <pugixml.hpp>

#include "time_format.h"

namespace gbc {

namespace {

const char* local(const pugi::xml_node& n)
{
    const char* colon = std::strrchr(n.name(), ':');
    return colon ? colon + 1 : n.name();
}

std::string trimmed(std::string s)
{
    const std::size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

EntryStamp stampOf(const pugi::xml_node& entry)
{
    EntryStamp s;
    for (pugi::xml_node c : entry.children()) {
        if (c.type() != pugi::node_element)
            continue;
        const char* name = local(c);
        if (std::strcmp(name, "id") == 0)
            s.id = trimmed(c.text().get());
        else if (std::strcmp(name, "link") == 0 && std::strcmp(c.attribute("rel").value(), "self") == 0)
            s.self = c.attribute("href").value();
        else if (std::strcmp(name, "updated") == 0) {
            if (Result<EpochSeconds> t = parseIso8601(trimmed(c.text().get())))
                s.updated = t.value();
        } else if (std::strcmp(name, "content") == 0)
            for (pugi::xml_node r : c.children())
                if (r.type() == pugi::node_element && s.kind.empty()) {
                    s.kind = local(r);
                    if (s.kind == "LocalTimeParameters")
                        for (pugi::xml_node f : r.children())
                            if (f.type() == pugi::node_element)
                                s.fields += std::string(local(f)) + "=" + trimmed(f.text().get()) + ";";
                }
    }
    return s;
}

} // namespace

std::optional<std::vector<EntryStamp>> entryStamps(const std::string& xml)
{
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default))
        return std::nullopt;
    const pugi::xml_node root = doc.document_element();
    std::vector<EntryStamp> out;
    if (std::strcmp(local(root), "entry") == 0)
        out.push_back(stampOf(root));
    else if (std::strcmp(local(root), "feed") == 0) {
        for (pugi::xml_node c : root.children())
            if (c.type() == pugi::node_element && std::strcmp(local(c), "entry") == 0)
                out.push_back(stampOf(c));
    } else
        return std::nullopt;
    return out;
}

} // namespace gbc
