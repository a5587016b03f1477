#include "live_prediction.h"

#include "deployment/emission_account.h"
#include "parse_error.h"

namespace cs {

LivePrediction predictLiveSession(const std::vector<LiveRecord> &records, const ModelPool &pool, int gpus)
{
    LivePrediction p;
    for (const LiveRecord &r : records) {
        const std::string name = r.model.substr(0, r.model.find('>'));
        const int m = pool.indexOf(name);
        if (m < 0)
            throw InputError("live interval " + std::to_string(r.index) + ": model '" + name + "' is not in the pool");
        const GpuJoules j = gpuJoules(pool.at(m), static_cast<double>(r.served), 1.0, r.wallSeconds, gpus);
        const double joules = j.dynamic + j.idle;
        p.energyJ += joules;
        p.co2G += joules / 3.6e6 * r.intensity;
    }
    return p;
}

} // namespace cs
