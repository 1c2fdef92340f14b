// Builds the check catalogue once from the family lists and sorts it by id.
#include "registry.h"

#include <algorithm>

#include "check_families.h"

namespace gbc {

const std::vector<CheckDef>& checkCatalogue()
{
    static const std::vector<CheckDef> catalogue = [] {
        std::vector<CheckDef> all;
        for (auto family : {documentChecks, envelopeChecks, entryLinkChecks, linkGraphChecks, readingTypeChecks,
                            signatureChecks, intervalBlockChecks, intervalSeriesChecks, localTimeChecks,
                            summaryChecks, adminChecks, codeChecks}) {
            std::vector<CheckDef> part = family();
            all.insert(all.end(), part.begin(), part.end());
        }
        std::sort(all.begin(), all.end(),
                  [](const CheckDef& a, const CheckDef& b) { return a.record.id < b.record.id; });
        return all;
    }();
    return catalogue;
}

const CheckDef* findCheck(std::string_view id)
{
    for (const CheckDef& c : checkCatalogue())
        if (c.record.id == id)
            return &c;
    return nullptr;
}

} // namespace gbc
