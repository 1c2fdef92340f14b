// Calendar arithmetic (Howard Hinnant's days algorithms) and ISO 8601 parsing/formatting.
#include "time_format.h"

#include <cctype>
#include <cstdio>
#include <regex>

namespace gbc {

namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

} // namespace

std::int64_t daysFromCivil(CivilDate d)
{
    const int y = d.year - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = d.month > 2 ? d.month - 3 : d.month + 9;
    const unsigned doy = (153 * mp + 2) / 5 + d.day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civilFromDays(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const int year = static_cast<int>(yoe + era * 400) + (month <= 2 ? 1 : 0);
    return {year, month, day};
}

unsigned weekdayFromDays(std::int64_t days)
{
    return static_cast<unsigned>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
}

unsigned daysInMonth(int year, unsigned month)
{
    static const unsigned table[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29u : table[month - 1];
}

namespace {


void split(EpochSeconds t, CivilDate& date, int& h, int& m, int& s)
{
    const std::int64_t days = floorDiv(t, 86400);
    const std::int64_t rem = t - days * 86400;
    date = civilFromDays(days);
    h = static_cast<int>(rem / 3600);
    m = static_cast<int>(rem % 3600 / 60);
    s = static_cast<int>(rem % 60);
}

} // namespace

std::string formatIso8601(EpochSeconds t)
{
    CivilDate d{};
    int h, m, s;
    split(t, d, h, m, s);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", d.year, d.month, d.day, h, m, s);
    return buf;
}

std::string formatIsoMicros(EpochSeconds t, int offsetSeconds)
{
    CivilDate d{};
    int h, m, s;
    split(t + offsetSeconds, d, h, m, s);
    const int off = offsetSeconds < 0 ? -offsetSeconds : offsetSeconds;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.000000%c%02d:%02d", d.year, d.month, d.day, h, m, s,
                  offsetSeconds < 0 ? '-' : '+', off / 3600, off % 3600 / 60);
    return buf;
}

std::string formatDate(EpochSeconds t, int offsetSeconds)
{
    CivilDate d{};
    int h, m, s;
    split(t + offsetSeconds, d, h, m, s);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
    return buf;
}

namespace {

bool validDate(int y, unsigned mo, unsigned d) { return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo); }

} // namespace

Result<EpochSeconds> parseIso8601(const std::string& text)
{
    Result<std::int64_t> us = parseIsoMicros(text);
    if (!us)
        return us.error();
    return floorDiv(*us, 1000000);
}

Result<std::int64_t> parseIsoMicros(const std::string& text)
{
    static const std::regex re(R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$)");
    std::smatch mt;
    if (!std::regex_match(text, mt, re))
        return Error{"time.bad_instant", "", "'" + text + "' is not an ISO 8601 date-time (YYYY-MM-DDThh:mm:ssZ)"};
    const int y = std::stoi(mt[1]);
    const unsigned mo = static_cast<unsigned>(std::stoi(mt[2]));
    const unsigned d = static_cast<unsigned>(std::stoi(mt[3]));
    const int h = std::stoi(mt[4]), mi = std::stoi(mt[5]), s = std::stoi(mt[6]);
    if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 60)
        return Error{"time.bad_instant", "", "'" + text + "' names a date or time that does not exist"};
    EpochSeconds t = daysFromCivil({y, mo, d}) * 86400 + h * 3600 + mi * 60 + s;
    const std::string zone = mt[8];
    if (zone != "Z") {
        const int off = std::stoi(zone.substr(1, 2)) * 3600 + std::stoi(zone.substr(4, 2)) * 60;
        t -= zone[0] == '-' ? -off : off;
    }
    std::string fraction = mt[7].matched ? mt[7].str().substr(1) : "";
    fraction = (fraction + "000000").substr(0, 6);
    return t * 1000000 + std::stoll(fraction);
}

Result<EpochSeconds> parseDate(const std::string& text)
{
    static const std::regex re(R"(^(\d{4})-(\d{2})-(\d{2})$)");
    std::smatch mt;
    if (!std::regex_match(text, mt, re))
        return Error{"time.bad_date", "", "'" + text + "' is not a date (YYYY-MM-DD)"};
    const int y = std::stoi(mt[1]);
    const unsigned mo = static_cast<unsigned>(std::stoi(mt[2]));
    const unsigned d = static_cast<unsigned>(std::stoi(mt[3]));
    if (!validDate(y, mo, d))
        return Error{"time.bad_date", "", "'" + text + "' names a date that does not exist"};
    return daysFromCivil({y, mo, d}) * 86400;
}

Result<EpochSeconds> parseEspiQueryTime(const std::string& text)
{
    static const std::regex re(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$)");
    if (!std::regex_match(text, re))
        return Error{"time.bad_query_time", "", "'" + text + "' is not of the form YYYY-MM-DDThh:mm:ssZ"};
    return parseIso8601(text);
}

// Longest duration parseIsoDuration accepts: 1,000 years of 366 days (so callers' sums cannot overflow).
constexpr EpochSeconds kMaxDurationSeconds = 1000LL * 366 * 86400;

Result<EpochSeconds> parseIsoDuration(const std::string& text)
{
    static const std::regex re(R"(^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$)");
    std::smatch mt;
    if (text.size() < 3 || !std::regex_match(text, mt, re) || text.back() == 'T')
        return Error{"time.bad_duration", "", "'" + text + "' is not an ISO 8601 duration such as PT15M or P1DT2H"};
    // Each part and the total stay within kMaxDurationSeconds, so nothing overflows (P99999999999999999999D).
    EpochSeconds total = 0;
    const EpochSeconds unit[] = {0, 604800, 86400, 3600, 60, 1};
    for (int i = 1; i <= 5; ++i) {
        if (!mt[i].matched)
            continue;
        const std::string digits = mt[i];
        if (digits.size() > 12 || std::stoll(digits) > kMaxDurationSeconds / unit[i] || (total += std::stoll(digits) * unit[i]) > kMaxDurationSeconds)
            return Error{"time.duration_too_long", "", "'" + text + "' is longer than " +
                                                          std::to_string(kMaxDurationSeconds / 86400) + " days"};
    }
    return total;
}

namespace {

const char* const kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int monthIndex(const std::string& name)
{
    for (int i = 0; i < 12; ++i)
        if (name == kMonths[i])
            return i + 1;
    return 0;
}

} // namespace

std::string formatHttpDate(EpochSeconds t)
{
    CivilDate d{};
    int h, m, s;
    split(t, d, h, m, s);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02d:%02d:%02d GMT", kWeekdays[weekdayFromDays(floorDiv(t, 86400))],
                  d.day, kMonths[d.month - 1], d.year, h, m, s);
    return buf;
}

Result<EpochSeconds> parseHttpDate(const std::string& text)
{
    static const std::regex imf(R"(^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$)");
    static const std::regex rfc850(R"(^[A-Z][a-z]+, (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$)");
    static const std::regex asctime(R"(^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$)");
    std::smatch mt;
    int y = 0, day = 0, mo = 0, h = 0, mi = 0, s = 0;
    if (std::regex_match(text, mt, imf) || std::regex_match(text, mt, rfc850)) {
        day = std::stoi(mt[1]), mo = monthIndex(mt[2]), y = std::stoi(mt[3]);
        h = std::stoi(mt[4]), mi = std::stoi(mt[5]), s = std::stoi(mt[6]);
        if (mt[3].length() == 2) // RFC 9110: a two-digit year more than 50 years ahead is in the past century
            y += y < 70 ? 2000 : 1900;
    } else if (std::regex_match(text, mt, asctime)) {
        mo = monthIndex(mt[1]), day = std::stoi(mt[2]), y = std::stoi(mt[6]);
        h = std::stoi(mt[3]), mi = std::stoi(mt[4]), s = std::stoi(mt[5]);
    } else {
        return Error{"time.bad_http_date", "", "'" + text + "' is not an HTTP date (Sun, 06 Nov 1994 08:49:37 GMT)"};
    }
    if (mo == 0 || !validDate(y, static_cast<unsigned>(mo), static_cast<unsigned>(day)) || h > 23 || mi > 59 || s > 60)
        return Error{"time.bad_http_date", "", "'" + text + "' names a date or time that does not exist"};
    return daysFromCivil({y, static_cast<unsigned>(mo), static_cast<unsigned>(day)}) * 86400 + h * 3600 + mi * 60 + s;
}

Result<EpochSeconds> parseRetryAfter(const std::string& text, EpochSeconds now)
{
    if (!text.empty() && text.size() <= 12 && text.find_first_not_of("0123456789") == std::string::npos)
        return std::stoll(text);
    Result<EpochSeconds> at = parseHttpDate(text);
    if (!at)
        return Error{"time.bad_retry_after", "Retry-After", "'" + text + "' is neither delay-seconds nor an HTTP date"};
    return *at > now ? *at - now : 0;
}

} // namespace gbc
