// Atom envelope writer for ESPI feeds and entries: ids, links, dates, filtering and paging, written as text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "espi_query.h"
#include "xml_out.h"

namespace gbc {

inline constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
inline constexpr std::string_view kEspiNs = "http://naesb.org/espi";
inline constexpr std::string_view kCustomerNs = "http://naesb.org/espi/customer";
inline constexpr std::string_view kAtomContentType = "application/atom+xml";

struct WrittenLink {
    std::string_view rel;  // self, up, related
    std::string href;      // path relative to the resource base, or absolute when it contains "://"
    std::string type;      // e.g. "espi-entry/UsagePoint"; empty = no type attribute
};

struct WrittenEntry {
    std::string selfPath;   // relative to the resource base; also names the entry's atom id
    std::string upPath;
    std::string_view resource;  // "UsagePoint": gives the espi-entry/X and espi-feed/X link types
    bool customer = false;      // cust-entry/cust-feed link types
    std::string title;
    EntryTimes times;
    std::vector<WrittenLink> related;
};

struct AtomOptions {
    std::string base;             // "http://host:port/DataCustodian/espi/1_1/resource/"
    FeedQuery query;              // applies to feed entries only
    bool duplicateAtomId = false; // defect duplicate_atom_id: the second entry repeats the first one's id
    bool ignorePublishedOnIntervals = false; // defect query_param_ignored
    bool idByPosition = false;    // defect atom_id_by_position: ids from the entry's place in the document
};

// Writes one Atom document (a feed, or a single root entry) into `out`.
class AtomDocument {
public:
    AtomDocument(std::string& out, AtomOptions options);

    void beginFeed(std::string_view selfPath, std::string_view title, std::int64_t updated,
                   const std::vector<WrittenLink>& extraLinks = {});
    void endFeed();
    // True when paging has already emitted max-results entries: callers may stop generating.
    bool full() const;
    const FeedQuery& query() const { return options_.query; }
    // Filters (feeds only); when kept, writes the envelope and calls content(XmlOut&) for the <content> child.
    template <typename F>
    bool entry(const WrittenEntry& e, F&& content)
    {
        if (!accept(e))
            return false;
        head(e);
        content(xml_);
        tail(e);
        return true;
    }
    // A single-entry document (no filtering).
    template <typename F>
    void rootEntry(const WrittenEntry& e, F&& content)
    {
        root_ = true;
        head(e);
        content(xml_);
        tail(e);
    }

private:
    bool accept(const WrittenEntry& e);
    void head(const WrittenEntry& e);
    void tail(const WrittenEntry& e);
    void link(const WrittenLink& l);

    XmlOut xml_;
    AtomOptions options_;
    bool inFeed_ = false;
    bool root_ = false;
    std::int64_t matched_ = 0;
    std::int64_t emitted_ = 0;
    std::string firstId_;
};

// "2025-06-15T12:00:00Z" appended without allocating.
void appendIsoTime(std::string& out, std::int64_t t);

} // namespace gbc
