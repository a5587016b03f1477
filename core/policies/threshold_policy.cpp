#include "threshold_policy.h"

#include "number_checks.h"
#include "number_parse.h"
#include "parse_error.h"
#include "single_model_policy.h"

#include <charconv>
#include <cmath>

namespace cs {

PolicyKind ThresholdPolicy::kind()
{
    return {"threshold", "threshold:M1@C1,M2@C2,...,Mn", "M1 below C1 gCO2/kWh, M2 below C2, ..., Mn above",
            {"threshold:VGG19@100,ResNet50@200,AlexNet"},
            [](const std::string &, const std::string &args) -> PolicyPtr {
                return std::make_unique<ThresholdPolicy>(parse(args));
            }};
}

ThresholdPolicy::ThresholdPolicy(std::vector<Step> steps)
    : mSteps(std::move(steps))
{
    if (mSteps.empty())
        throw InputError("policy 'threshold': give at least one model, e.g. threshold:ResNet152@150,ResNet50");
    for (std::size_t i = 0; i + 1 < mSteps.size(); ++i)
        if (!std::isfinite(mSteps[i].below) || mSteps[i].below < 0 || mSteps[i].below > limits::maxIntensity)
            throw InputError("policy '" + spec() + "': bound " + shortNumber(mSteps[i].below) +
                             " is not an intensity from 0 to " + shortNumber(limits::maxIntensity) + " gCO2/kWh");
    for (std::size_t i = 1; i + 1 < mSteps.size(); ++i)
        if (mSteps[i].below <= mSteps[i - 1].below)
            throw InputError("policy '" + spec() + "': the bounds must increase from left to right");
}

ThresholdPolicy ThresholdPolicy::parse(const std::string &args)
{
    std::vector<Step> steps;
    std::size_t pos = 0;
    const std::string whole = "threshold:" + args;
    while (pos <= args.size()) {
        const std::size_t comma = std::min(args.find(',', pos), args.size());
        const std::string item = args.substr(pos, comma - pos);
        const std::size_t at = item.find('@');
        const bool last = comma == args.size();
        if (item.empty())
            throw InputError("policy '" + whole + "': an empty step; expected M1@C1,M2@C2,...,Mn");
        if (last != (at == std::string::npos))
            throw InputError("policy '" + whole + "': " +
                             (last ? "the last model takes no bound (it serves every higher intensity)"
                                   : "step '" + item + "' needs a bound: MODEL@INTENSITY"));
        Step step{item.substr(0, at), 0};
        if (!last) {
            const auto bound = parseNumber(item.substr(at + 1));
            if (!bound || !std::isfinite(*bound) || *bound < 0)
                throw InputError("policy '" + whole + "': '" + item.substr(at + 1) +
                                 "' is not an intensity in gCO2/kWh");
            if (*bound > limits::maxIntensity)
                throw InputError("policy '" + whole + "': bound " + item.substr(at + 1) +
                                 " is above the largest intensity allowed, " + shortNumber(limits::maxIntensity) +
                                 " gCO2/kWh");
            step.below = *bound;
        }
        steps.push_back(step);
        pos = comma + 1;
    }
    return ThresholdPolicy(std::move(steps));
}

std::string ThresholdPolicy::spec() const
{
    std::string s = "threshold:";
    for (std::size_t i = 0; i < mSteps.size(); ++i) {
        s += (i ? "," : "") + mSteps[i].model;
        if (i + 1 < mSteps.size()) {
            char buf[32];
            const auto r = std::to_chars(buf, buf + sizeof buf, mSteps[i].below);
            s += '@' + std::string(buf, r.ptr);
        }
    }
    return s;
}

Assignment ThresholdPolicy::assign(const Scenario &scenario, const ModelPool &pool) const
{
    std::vector<int> index;
    for (const Step &step : mSteps)
        index.push_back(requireModel(pool, step.model, spec()));
    Assignment out(scenario.size());
    for (std::size_t i = 0; i < scenario.size(); ++i) {
        std::size_t k = 0;
        while (k + 1 < mSteps.size() && scenario.intensity[i] >= mSteps[k].below)
            ++k;
        out[i] = Choice{index[k]};
    }
    return out;
}

} // namespace cs
