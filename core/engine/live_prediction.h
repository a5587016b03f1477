#pragma once

#include "deployment/deployment.h"
#include "live_runner.h"
#include "model_pool.h"

#include <vector>

namespace cs {

// What the simulator predicts for a recorded live session (issue #16's validation): each interval priced as
// served (its wall time, requests served and model) with the pool's load curves where it has them, else its
// energy per inference, GPU energy only (the meter the session measured with is the GPU's). An interval
// split between two models ("A>B") is priced as its first model.
struct LivePrediction
{
    double energyJ = 0;
    double co2G = 0;
};

LivePrediction predictLiveSession(const std::vector<LiveRecord> &records, const ModelPool &pool, int gpus = 1);

} // namespace cs
