#include "meter_factory.h"

#include "fake_meter.h"
#include "nvml_meter.h"
#include "number_parse.h"
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
    if (kind.rfind("fake:", 0) == 0) {
        const auto watts = parseNumber(kind.substr(5));
        if (!watts || !(*watts >= 0 && *watts <= 1e5))
            throw InputError("meter '" + kind + "': fake:WATTS takes a power from 0 to 100000 W");
        return std::make_unique<FakeMeter>(*watts);
    }
    if (kind != "auto")
        throw InputError("unknown energy meter '" + kind + "' (auto, nvml, rapl, none or fake:WATTS)");

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
