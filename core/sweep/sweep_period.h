#pragma once

#include "utc_time.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cs {

// The calendar periods a sweep splits each series into (UTC calendar: a month is [1st 00:00Z, next 1st 00:00Z)).
enum class SweepPeriod { Month, Quarter, Year };

// "month", "quarter", "year"; nothing for anything else.
std::optional<SweepPeriod> parseSweepPeriod(const std::string &text);
std::string sweepPeriodName(SweepPeriod period);

// One column of a sweep: a calendar period by its start and end (exclusive) and its label ("2024-02", "2024-Q1",
// "2024").
struct PeriodSpan
{
    UtcSeconds from = 0;
    UtcSeconds to = 0;
    std::string label;
    bool operator==(const PeriodSpan &) const = default;
};

// The period holding t.
PeriodSpan periodOf(UtcSeconds t, SweepPeriod period);

// Every period that holds at least one of the sorted `times`, in order.
std::vector<PeriodSpan> periodsCovering(const std::vector<UtcSeconds> &times, SweepPeriod period);

// The index range [first, second) of the sorted `times` that start in [span.from, span.to).
std::pair<std::size_t, std::size_t> indexRange(const std::vector<UtcSeconds> &times, const PeriodSpan &span);

} // namespace cs
