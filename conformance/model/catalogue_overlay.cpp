// Overlay mode of the catalogue (gbc-sim --scenarios-overlay): a directory's scenarios and utilities added to a base.
#include <algorithm>

#include "catalogue_io.h"
#include "catalogue_loader.h"
#include "json_reader.h"

namespace gbc {

using namespace catalogue_io;

namespace {

// An overlay file for a utility `base` already has: its clients and customers join it.
void extendUtility(Catalogue& cat, Utility& target, const JsonReader& r)
{
    r.allowOnly({"id", "clients", "customers"});
    const std::size_t oldCustomers = target.customers.size();
    Utility added;
    if (r.has("clients"))
        for (const JsonReader& c : r.at("clients").items())
            added.clients.push_back(readClientRecord(c));
    if (r.has("customers"))
        for (const JsonReader& c : r.at("customers").items())
            added.customers.push_back(readCustomerRecord(c, cat));
    added.id = "";
    added.host = "";
    checkUnique(cat, added, r);
    target.clients.insert(target.clients.end(), added.clients.begin(), added.clients.end());
    target.customers.insert(target.customers.end(), added.customers.begin(), added.customers.end());
    checkIdentities(target, r, oldCustomers);
}

void overlayScenarios(Catalogue& cat, const std::string& path)
{
    auto text = readTextFile(path);
    if (!text)
        return; // optional in an overlay
    Catalogue own;
    readScenarioFile({path, *text}, own);
    auto doc = parseJsonText(*text, path);
    const JsonReader root(*doc, path);
    for (auto& [name, s] : own.scenarios) {
        if (cat.scenarios.count(name))
            root.at("scenarios").at(name).fail("catalogue.duplicate_scenario", "scenario '" + name + "' already exists");
        cat.scenarios[name] = s;
    }
}

} // namespace

Result<Catalogue> loadCatalogueOverlay(Catalogue base, const std::string& dir)
{
    auto paths = utilityFiles(dir);
    if (!paths)
        return paths.error();
    try {
        overlayScenarios(base, dir + "/scenarios.json");
        for (const std::string& p : *paths) {
            auto text = readTextFile(p);
            if (!text)
                return text.error();
            auto doc = parseJsonText(*text, p);
            if (!doc)
                return doc.error();
            const JsonReader root(*doc, p);
            auto existing = std::find_if(base.utilities.begin(), base.utilities.end(),
                                         [&](const Utility& u) { return u.id == root.string("id"); });
            if (existing != base.utilities.end()) {
                extendUtility(base, *existing, root);
                continue;
            }
            Utility u = readUtilityRecord(root, base);
            checkUnique(base, u, root);
            base.utilities.push_back(std::move(u));
        }
    } catch (const JsonReadError& e) {
        return e.error;
    }
    std::sort(base.utilities.begin(), base.utilities.end(), [](const Utility& a, const Utility& b) { return a.id < b.id; });
    return base;
}

} // namespace gbc
