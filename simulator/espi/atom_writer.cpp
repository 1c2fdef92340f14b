// Atom envelope: entries as id, links, title, content, published, updated (the order of the GBA samples).
#include "atom_writer.h"

#include "time_format.h"
#include "uuid5.h"

namespace gbc {

namespace {

void put2(std::string& out, unsigned v)
{
    out += static_cast<char>('0' + v / 10);
    out += static_cast<char>('0' + v % 10);
}

} // namespace

void appendIsoTime(std::string& out, std::int64_t t)
{
    const std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    const std::int64_t secs = t - days * 86400;
    const CivilDate c = civilFromDays(days);
    const unsigned y = static_cast<unsigned>(c.year);
    put2(out, y / 100 % 100);
    put2(out, y % 100);
    out += '-';
    put2(out, c.month);
    out += '-';
    put2(out, c.day);
    out += 'T';
    put2(out, static_cast<unsigned>(secs / 3600));
    out += ':';
    put2(out, static_cast<unsigned>(secs / 60 % 60));
    out += ':';
    put2(out, static_cast<unsigned>(secs % 60));
    out += 'Z';
}

AtomDocument::AtomDocument(std::string& out, AtomOptions options) : xml_(out), options_(std::move(options)) {}

void AtomDocument::beginFeed(std::string_view selfPath, std::string_view title, std::int64_t updated,
                             const std::vector<WrittenLink>& extraLinks)
{
    inFeed_ = true;
    std::string& out = xml_.buffer();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"");
    out.append(kAtomNs);
    out.append("\">\n<id>");
    out.append(atomId("feed:" + std::string(selfPath)));
    out.append("</id>\n<title>");
    xml_.text(title);
    out.append("</title>\n<updated>");
    appendIsoTime(out, updated);
    out.append("</updated>\n");
    link(WrittenLink{"self", std::string(selfPath), ""});
    for (const WrittenLink& l : extraLinks)
        link(l);
}

void AtomDocument::endFeed()
{
    xml_.raw("</feed>\n");
}

bool AtomDocument::full() const
{
    return options_.query.maxResults && emitted_ >= *options_.query.maxResults;
}

bool AtomDocument::accept(const WrittenEntry& e)
{
    EntryTimes times = e.times;
    if (options_.stalePublished) { // published filters see the stale value, as the custodian's own index does
        times.published = *options_.stalePublished;
        times.intervalTimed = false;
    }
    if (full() || !passesDateFilter(options_.query, times, options_.ignorePublishedOnIntervals))
        return false;
    if (++matched_ < options_.query.startIndex)
        return false;
    ++emitted_;
    return true;
}

void AtomDocument::link(const WrittenLink& l)
{
    std::string& out = xml_.buffer();
    out.append("<link rel=\"");
    out.append(l.rel);
    out.append("\" href=\"");
    if (l.href.find("://") == std::string::npos)
        xml_.text(options_.base);
    xml_.text(l.href);
    if (!l.type.empty()) {
        out.append("\" type=\"");
        xml_.text(l.type);
    }
    out.append("\"/>\n");
}

void AtomDocument::head(const WrittenEntry& e)
{
    std::string& out = xml_.buffer();
    if (root_) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<entry xmlns=\"");
        out.append(kAtomNs);
        out.append("\">\n<id>");
    } else {
        out.append("<entry>\n<id>");
    }
    std::string id = atomId(options_.idByPosition ? "position/" + std::to_string(emitted_) : e.selfPath);
    if (options_.duplicateAtomId && inFeed_) {
        if (firstId_.empty())
            firstId_ = id;
        else if (emitted_ == 2)
            id = firstId_;
    }
    out.append(id);
    out.append("</id>\n");
    const std::string prefix = e.customer ? "cust-" : "espi-";
    link(WrittenLink{"self", e.selfPath, prefix + "entry/" + std::string(e.resource)});
    link(WrittenLink{"up", e.upPath, prefix + "feed/" + std::string(e.resource)});
    for (const WrittenLink& l : e.related)
        link(l);
    out.append("<title>");
    xml_.text(e.title);
    out.append("</title>\n<content>");
}

void AtomDocument::tail(const WrittenEntry& e)
{
    std::string& out = xml_.buffer();
    out.append("</content>\n<published>");
    appendIsoTime(out, options_.stalePublished.value_or(e.times.published));
    out.append("</published>\n<updated>");
    appendIsoTime(out, e.times.updated);
    out.append("</updated>\n</entry>\n");
}

} // namespace gbc
