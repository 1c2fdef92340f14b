// ESPI push notification body written with pugixml (escaping done by the writer).
#include "batch_list.h"

#include <sstream>

#include <pugixml.hpp>

namespace gbc {

std::string batchListXml(const std::vector<std::string>& resourceUris)
{
    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    auto root = doc.append_child("BatchList");
    root.append_attribute("xmlns") = "http://naesb.org/espi";
    for (const std::string& uri : resourceUris)
        root.append_child("resources").text() = uri.c_str();
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

} // namespace gbc
