#pragma once

#include "qcp.h"
#include "scenario.h"

#include <vector>

namespace cs {

// The Timeline's series built from a scenario and its results (plain vectors, handed to EnvelopeSeries).

// A per-interval series as a step line: each value holds for one interval, and a gap in the scenario's times
// breaks the line rather than bridging it.
void stepSeries(const Scenario &s, const std::vector<double> &v, double offset, std::vector<double> *keys,
                std::vector<double> *values);
// Cumulative CO2 reached at the end of each interval, from 0 at the first interval's start, in units of `unit` g.
void cumulativeSeries(const Scenario &s, const std::vector<double> &cumulative, double unit,
                      std::vector<double> *keys, std::vector<double> *values);
// The interval holding time t; -1 outside the scenario or in a gap.
int intervalAt(const Scenario &s, double t);

// The least and greatest value drawn over [lower, upper) of `data` (sorted by key): the point in effect at
// `lower`, every point before `upper` and, for a line (not a step line), the next one its last segment runs to.
// False where nothing finite is in view.
bool visibleValueRange(const QCPGraphDataContainer &data, double lower, double upper, bool step, double *min,
                       double *max);

// The least round number (1, 1.1, 1.2, 1.3, 1.5, ... 8, 9 times a power of ten) at or above `value` > 0: axis bounds.
double roundUp(double value);

} // namespace cs
