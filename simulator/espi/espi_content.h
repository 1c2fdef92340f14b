// ESPI usage resources as XML (the <content> children), children in espi.xsd sequence order.
#pragma once

#include <vector>

#include "interval_blocks.h"
#include "summaries.h"
#include "usage_model.h"
#include "xml_out.h"

namespace gbc {

// `statusFirst` = defect element_order: <status> before <ServiceCategory>, against the espi.xsd sequence.
void writeUsagePoint(XmlOut& x, const ServicePlan& service, bool statusFirst = false);
void writeMeterReading(XmlOut& x);
void writeReadingType(XmlOut& x, const ReadingTypeSpec& rt);
void writeIntervalBlock(XmlOut& x, const BlockSpan& block, const std::vector<Reading>& readings);
// `wrongDstRule` = defect wrong_dst_rule: the start rule's month field is zeroed.
void writeLocalTimeParameters(XmlOut& x, const TimeZoneRules& tz, bool wrongDstRule);
void writeUsageSummary(XmlOut& x, const ServicePlan& service, const MonthSummary& month);
void writePowerQualitySummary(XmlOut& x, const PowerQuality& q, const MonthSummary& month);
// Bare <ServiceStatus> document (not Atom).
std::string serviceStatusDocument();

} // namespace gbc
