#include "sweep_period.h"

#include <algorithm>
#include <cstdio>

namespace cs {

std::optional<SweepPeriod> parseSweepPeriod(const std::string &text)
{
    if (text == "month")
        return SweepPeriod::Month;
    if (text == "quarter")
        return SweepPeriod::Quarter;
    if (text == "year")
        return SweepPeriod::Year;
    return std::nullopt;
}

std::string sweepPeriodName(SweepPeriod period)
{
    switch (period) {
    case SweepPeriod::Month: return "month";
    case SweepPeriod::Quarter: return "quarter";
    case SweepPeriod::Year: return "year";
    }
    return "month";
}

namespace {

UtcSeconds monthStart(int year, unsigned month) // month 1..12; 13 is January of the next year
{
    if (month > 12) {
        year += 1;
        month -= 12;
    }
    return daysFromCivil(year, month, 1) * 86400;
}

} // namespace

PeriodSpan periodOf(UtcSeconds t, SweepPeriod period)
{
    const UtcSeconds dayStart = utcDayStart(t);
    const CivilDate date = civilFromDays(dayStart / 86400);
    char label[32];
    PeriodSpan span;
    switch (period) {
    case SweepPeriod::Month:
        span.from = monthStart(date.year, date.month);
        span.to = monthStart(date.year, date.month + 1);
        std::snprintf(label, sizeof label, "%04d-%02u", date.year, date.month);
        break;
    case SweepPeriod::Quarter: {
        const unsigned first = (date.month - 1) / 3 * 3 + 1;
        span.from = monthStart(date.year, first);
        span.to = monthStart(date.year, first + 3);
        std::snprintf(label, sizeof label, "%04d-Q%u", date.year, (first - 1) / 3 + 1);
        break;
    }
    case SweepPeriod::Year:
        span.from = monthStart(date.year, 1);
        span.to = monthStart(date.year + 1, 1);
        std::snprintf(label, sizeof label, "%04d", date.year);
        break;
    }
    span.label = label;
    return span;
}

std::vector<PeriodSpan> periodsCovering(const std::vector<UtcSeconds> &times, SweepPeriod period)
{
    std::vector<PeriodSpan> spans;
    std::size_t i = 0;
    while (i < times.size()) {
        PeriodSpan span = periodOf(times[i], period);
        i = indexRange(times, span).second; // times are sorted: skip the rest of this period at once
        spans.push_back(std::move(span));
    }
    return spans;
}

std::pair<std::size_t, std::size_t> indexRange(const std::vector<UtcSeconds> &times, const PeriodSpan &span)
{
    const auto first = std::lower_bound(times.begin(), times.end(), span.from);
    const auto last = std::lower_bound(first, times.end(), span.to);
    return {static_cast<std::size_t>(first - times.begin()), static_cast<std::size_t>(last - times.begin())};
}

} // namespace cs
