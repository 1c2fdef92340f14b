// Demo site chart: one inline SVG bar chart per service, with axes, date labels, unit and a title per bar.
#include "demo_usage.h"

#include <algorithm>
#include <cstdio>

#include "html.h"

namespace gbc {

namespace {

constexpr int kLeft = 70, kTop = 30, kWidth = 600, kHeight = 200, kBottom = 50;

std::string text(int x, int y, const char* cls, const std::string& body, const char* anchor = "middle", bool vertical = false)
{
    const std::string at = std::to_string(x) + " " + std::to_string(y);
    return "<text class=\"" + std::string(cls) + "\" x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) +
           "\" font-size=\"12\" text-anchor=\"" + anchor + "\"" + (vertical ? " transform=\"rotate(-90 " + at + ")\"" : "") +
           ">" + escapeHtml(body) + "</text>";
}

std::string line(int x1, int y1, int x2, int y2)
{
    return "<line x1=\"" + std::to_string(x1) + "\" y1=\"" + std::to_string(y1) + "\" x2=\"" + std::to_string(x2) +
           "\" y2=\"" + std::to_string(y2) + "\" stroke=\"#333\"/>";
}

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    return buf;
}

// y axis: the line, ticks at 0, half and the peak, and the unit per day.
std::string yAxis(double peak, const std::string& unit)
{
    std::string g = "<g class=\"axis y-axis\">" + line(kLeft, kTop, kLeft, kTop + kHeight);
    for (int i = 0; i <= 2; ++i) {
        const int y = kTop + kHeight - i * kHeight / 2;
        g += line(kLeft - 4, y, kLeft, y) + text(kLeft - 6, y + 4, "tick", number(peak * i / 2), "end");
    }
    return g + text(16, kTop + kHeight / 2, "axis-label", unit + " per day", "middle", true) + "</g>";
}

// x axis: the line, the first, middle and last day, and what the axis is.
std::string xAxis(const std::vector<DailyUsage>& days, int bar)
{
    std::string g = "<g class=\"axis x-axis\">" + line(kLeft, kTop + kHeight, kLeft + kWidth, kTop + kHeight);
    const std::size_t marks[] = {0, days.size() / 2, days.size() - 1};
    for (std::size_t i : marks) {
        const int x = kLeft + static_cast<int>(i) * bar + bar / 2;
        g += line(x, kTop + kHeight, x, kTop + kHeight + 4) + text(x, kTop + kHeight + 18, "tick", days[i].day);
    }
    return g + text(kLeft + kWidth / 2, kTop + kHeight + 40, "axis-label", "Day (utility local time)") + "</g>";
}

} // namespace

std::string usageChartSvg(const ServiceSeries& series, std::size_t maxDays)
{
    const std::size_t first = series.days.size() > maxDays ? series.days.size() - maxDays : 0;
    const std::vector<DailyUsage> days(series.days.begin() + static_cast<std::ptrdiff_t>(first), series.days.end());
    const std::string name = serviceName(series.kind);
    std::string svg = "<svg class=\"usage-chart\" data-service=\"" + escapeHtml(name) + "\" data-meter=\"" +
                      escapeHtml(series.usagePointId) + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      std::to_string(kLeft + kWidth + 40) + "\" height=\"" + std::to_string(kTop + kHeight + kBottom) +
                      "\" role=\"img\" aria-label=\"" + escapeHtml(name + " use per day (" + series.unit + ")") + "\">" +
                      text(kLeft + kWidth / 2, 16, "chart-title", name + " (" + series.unit + " per day)");
    if (days.empty())
        return svg + text(kLeft + kWidth / 2, kTop + kHeight / 2, "empty", "No data yet") + "</svg>";
    double peak = 0;
    for (const DailyUsage& d : days)
        peak = std::max(peak, d.value);
    const int bar = kWidth / static_cast<int>(days.size());
    char buf[320];
    for (std::size_t i = 0; i < days.size(); ++i) {
        const int h = peak > 0 ? static_cast<int>(days[i].value / peak * kHeight) : 0;
        std::snprintf(buf, sizeof buf,
                      "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#2a7ab0\"><title>%s: %.3f %s</title></rect>",
                      kLeft + static_cast<int>(i) * bar + 1, kTop + kHeight - h, std::max(bar - 2, 1), h, days[i].day.c_str(),
                      days[i].value, escapeHtml(series.unit).c_str());
        svg += buf;
    }
    return svg + yAxis(peak, series.unit) + xAxis(days, bar) + "</svg>";
}

} // namespace gbc
