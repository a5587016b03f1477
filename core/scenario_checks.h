#pragma once

#include "scenario.h"

namespace cs {

// Every value of a trace or a scenario within its documented range (number_checks.h): intensity 0..10,000
// gCO2/kWh, requests 0..1e15 per interval, both finite. Scenarios reach the simulator and the optimiser from
// files, from a project and from code; checking where they are built and where they are priced keeps overflow out
// of every result. Throws InputError naming the trace (or scenario), the time and the quantity.
void checkCarbonSeries(const TimeSeries &carbon);
void checkRequestSeries(const TimeSeries &requests);
void checkScenarioRanges(const Scenario &scenario);

} // namespace cs
