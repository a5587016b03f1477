#pragma once

#include "deployment/decision_signal.h"
#include "deployment/deployment.h"
#include "simulation.h"

#include <string>

namespace CLI { class App; }

namespace cs::cli {

// What a deployment emits besides the GPUs' work, and which signal a policy decides on (issue #16):
// --gpus, --host-watts, --pue, --embodied-g-per-gpu-hour, --decide-on actual|forecast.
struct DeploymentFlags
{
    int gpus = 1;
    double hostWatts = 0;
    double pue = 1;
    double embodiedGPerGpuHour = 0;
    std::string decideOn = "actual";
};

void addDeploymentFlags(CLI::App *command, DeploymentFlags &flags);
Deployment deploymentOf(const DeploymentFlags &flags);
// The scenario the policy decides on (throws InputError where --decide-on forecast has no forecast column).
Scenario decisionScenarioOf(const Scenario &accounting, const DeploymentFlags &flags);

// The emission parts of a run: `"emissions": {...}` members for --json, and lines for the text output.
std::string emissionPartsJson(const Totals &totals);
void printEmissionParts(const Totals &totals);

} // namespace cs::cli
