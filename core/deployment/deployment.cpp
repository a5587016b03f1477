#include "deployment/deployment.h"

#include "deployment/deployment_limits.h"
#include "parse_error.h"

namespace cs {

void Deployment::validate() const
{
    if (gpus < 1 || gpus > limits::maxGpus)
        throw InputError("GPUs: " + std::to_string(gpus) + " is outside 1.." + std::to_string(limits::maxGpus));
    if (const std::string p = rangeProblem(hostWatts, 0, limits::maxDeviceWatts); !p.empty())
        throw InputError("host power (W): " + p);
    if (const std::string p = rangeProblem(pue, 1, limits::maxPue); !p.empty())
        throw InputError("PUE: " + p);
    if (const std::string p = rangeProblem(embodiedGPerGpuHour, 0, limits::maxGrams); !p.empty())
        throw InputError("embodied carbon (g per GPU-hour): " + p);
}

} // namespace cs
