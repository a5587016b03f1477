#include "meter_factory.h"

#include "nvml_meter.h"
#include "parse_error.h"
#include "rapl_meter.h"

namespace cs {

std::unique_ptr<EnergyMeter> makeEnergyMeter(const std::string &kind, bool gpu)
{
    if (kind == "nvml")
        return std::make_unique<NvmlMeter>();
    if (kind == "rapl")
        return std::make_unique<RaplMeter>();
    if (kind == "none")
        return std::make_unique<NoMeter>("no energy meter (chosen by the user)");
    if (kind != "auto")
        throw InputError("unknown energy meter '" + kind + "' (auto, nvml, rapl or none)");

    std::string why;
    if (gpu) {
        auto nvml = std::make_unique<NvmlMeter>();
        if (nvml->available())
            return nvml;
        why = nvml->notice();
    }
    auto rapl = std::make_unique<RaplMeter>();
    if (rapl->available())
        return rapl;
    why += (why.empty() ? "" : "; ") + rapl->notice();
    return std::make_unique<NoMeter>("no energy meter on this machine: " + why);
}

} // namespace cs
