#pragma once

#include "scenario.h"

// Three half-hours of 2023-06-01 with intensities 100, 200, 400 gCO2/kWh and 1000, 2000, 1000 requests:
// small enough to work every figure out by hand in the tests' comments.
inline cs::Scenario toyScenario()
{
    return {.name = "toy",
            .intervalSeconds = 1800,
            .times = {1685577600, 1685579400, 1685581200},
            .intensity = {100, 200, 400},
            .requests = {1000, 2000, 1000}};
}
