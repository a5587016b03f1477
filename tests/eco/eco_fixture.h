#pragma once

#include "model_pool.h"
#include "scenario.h"

// The eco tests' example, small enough to work out by hand. Test figures, not measurements.

// S 1000 mJ, 5 %, 40 ms; E 400 mJ, 9 %, 25 ms.
inline cs::ModelPool ecoPool()
{
    return {.name = "eco test", .models = {{"S", 1000, 5, 40.0, {}, "test"}, {"E", 400, 9, 25.0, {}, "test"}}};
}

// Two hours: 3.6e6 requests at 100 g/kWh, 7.2e6 at 300 g/kWh. 3.6e6 requests at m mJ and c g/kWh cost
// m/1000 x c grams: S costs 100 g in hour 1 and 600 g in hour 2 (700 g all on standard).
inline cs::Scenario twoHours()
{
    return {.name = "two hours", .intervalSeconds = 3600, .times = {0, 3600}, .intensity = {100, 300},
            .requests = {3.6e6, 7.2e6}};
}
