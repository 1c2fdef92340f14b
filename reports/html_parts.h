// Building blocks of the HTML report: escaping, short anchors, the sequence view, the usage chart and the grouped views.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "report.h"

namespace gbc::html {

std::string escape(const std::string& text);     // for attributes and text
std::string escapeText(const std::string& text); // for element content only (quotes kept)

// A fragment id safe for id="" and href="#..." (long form, used by the evidence side file's links).
std::string anchor(const std::string& id);

// Short, stable anchors of one report: variant "v3", result "r3-12" (variant 3, check 12), exchange "e3-17".
struct Index {
    std::vector<std::string> checks;                         // sorted check ids
    std::map<std::string, std::size_t> checkAt;              // check id -> position in checks
    std::map<std::string, std::size_t> variantAt;            // variant id -> position in report.variants
    std::unordered_map<std::string, std::string> exchangeAt; // exchange id -> "e3-17"
    std::set<std::string> detailed; // exchanges cited by a FAIL/ERROR/WARN result: rendered with headers and bodies
    std::set<std::string> primary;  // exchanges cited by the first failure of a group: their bodies get more room
    std::string evidenceFile;       // side file with every exchange ("" when not written)

    static Index of(const Report& report, const std::string& evidenceFile);
    std::string variantAnchor(const std::string& variant) const;
    std::string resultAnchor(const CheckResult& r) const;
    std::string exchangeAnchor(const std::string& exchangeId) const; // "" for an unknown id
};

// The utility of a variant id ("ESSEX/lastbill/residential" -> "ESSEX").
std::string utilityOf(const VariantInfo& v);

// "<span class=FAIL>FAIL</span>" (allow-listed failures read "FAIL (expected)").
std::string badge(const CheckResult& r);

// Links to the result's evidence exchanges (by their short anchors).
std::string evidenceLinks(const Index& index, const CheckResult& r);

// `body` clipped to `limit` bytes, the full size (the larger of `fullSize` and the body's) stated when clipped.
std::string clip(const std::string& body, std::size_t limit, std::size_t fullSize = 0);

// One exchange: request and response with headers and bodies clipped to `bodyLimit`, in a <details> with `id`.
std::string exchangeHtml(const HttpExchange& e, const std::string& id, std::size_t bodyLimit, const std::string& note);

// The sequence view of one variant's exchanges: lanes third party, authorization server (pages), token endpoint,
// resource server (ESPI), JSON API, ODR, redirect listener; one row per exchange (request arrow, response arrow with
// its status beside it), rows grouped per probe under a heading; rows of detailed exchanges link to them.
std::string sequenceHtml(const Index& index, const std::vector<const HttpExchange*>& exchanges);

// A usage chart of one series: time on x with dates, values on y with the unit, both axes labelled, DST changes
// drawn as marked vertical lines; empty string when the series has no points.
std::string chartSvg(const Series& series);

// Failures and errors grouped by check (one block per failing check), then warnings and expected failures grouped
// the same way; `verdicts` chooses which.
std::string groupsHtml(const Report& report, const Index& index, bool failures);

// The filter attributes of a variant's section and matrix row: data-u (utility), data-vs (verdicts present),
// data-t (variant id and the ids of its non-PASS checks, for the text filter).
std::string variantAttrs(const VariantInfo& v, const std::vector<const CheckResult*>& results);

// The checks x variants matrix: one coloured cell per result, linking to it.
std::string matrixHtml(const Report& report, const Index& index);

} // namespace gbc::html
