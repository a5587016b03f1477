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

// Where a trace spans more than the scenario aligned on it (a year of carbon aligned to the 720 h a month of
// requests covers), the scenario keeps the overlap only; this says so rather than cutting silently: "carbon trace
// "X" spans A to B (8784 h); the scenario keeps C to D (720 h) where both traces have data, 8064 h left out".
// Empty where nothing is cut off.
std::string describeCutOff(const TimeSeries &trace, const Scenario &scenario, const std::string &role);

} // namespace cs
