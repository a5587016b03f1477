#include "policy_factory.h"

#include "parse_error.h"
#include "policies/heuristic_policy.h"
#include "policies/single_model_policy.h"
#include "policies/threshold_policy.h"

#include <map>
#include <mutex>
#include <sstream>

namespace cs {

namespace {

struct KindEntry
{
    PolicyKindFactory factory;
    std::string help;
};

PolicyPtr makeHeuristic(const std::string &spec, const std::string &args)
{
    auto reading = HeuristicPolicy::Reading::Text;
    auto range = HeuristicPolicy::Range::Whole;
    std::stringstream options(args);
    std::string option;
    while (std::getline(options, option, ':')) {
        if (option == "text")
            reading = HeuristicPolicy::Reading::Text;
        else if (option == "printed")
            reading = HeuristicPolicy::Reading::Printed;
        else if (option == "daily")
            range = HeuristicPolicy::Range::Daily;
        else if (option == "whole")
            range = HeuristicPolicy::Range::Whole;
        else
            throw InputError("policy '" + spec + "': unknown option '" + option +
                             "' (heuristic takes text or printed, and whole or daily)");
    }
    return std::make_unique<HeuristicPolicy>(reading, range);
}

struct Registry
{
    std::mutex mutex;
    std::map<std::string, KindEntry> kinds{
        {"model",
         {[](const std::string &spec, const std::string &args) -> PolicyPtr {
              if (args.empty())
                  throw InputError("policy '" + spec + "': name the model, e.g. model:ResNet50");
              return std::make_unique<SingleModelPolicy>(args);
          },
          "model:NAME                      always the named model (a baseline)"}},
        {"heuristic",
         {makeHeuristic,
          "heuristic[:printed][:daily]     Jung 2024; text reading (dirty grid -> small model) by default, "
          "C_low/C_high over the whole trace or each UTC day"}},
        {"threshold",
         {[](const std::string &, const std::string &args) -> PolicyPtr {
              return std::make_unique<ThresholdPolicy>(ThresholdPolicy::parse(args));
          },
          "threshold:M1@C1,M2@C2,...,Mn    M1 below C1 gCO2/kWh, M2 below C2, ..., Mn above"}},
    };
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

void registerPolicyKind(const std::string &kind, PolicyKindFactory factory, const std::string &help)
{
    auto &r = registry();
    std::lock_guard lock(r.mutex);
    r.kinds[kind] = {std::move(factory), help};
}

std::vector<std::string> policyKindHelp()
{
    auto &r = registry();
    std::lock_guard lock(r.mutex);
    std::vector<std::string> lines;
    for (const auto &[kind, entry] : r.kinds)
        lines.push_back(entry.help);
    return lines;
}

PolicyPtr makePolicy(const std::string &spec)
{
    std::size_t colon = spec.find(':');
    PolicyKindFactory factory;
    {
        auto &r = registry();
        std::lock_guard lock(r.mutex);
        // A kind may have a variant registered under its own name ("online:price"): the longer name wins.
        if (colon != std::string::npos) {
            const std::size_t second = spec.find(':', colon + 1);
            if (r.kinds.contains(spec.substr(0, second)))
                colon = second;
        }
        const std::string kind = spec.substr(0, colon);
        const auto it = r.kinds.find(kind);
        if (it == r.kinds.end()) {
            std::string known;
            for (const auto &[name, entry] : r.kinds)
                known += (known.empty() ? "" : ", ") + name;
            throw InputError("unknown policy '" + spec + "' (known kinds: " + known + ")");
        }
        factory = it->second.factory;
    }
    return factory(spec, colon == std::string::npos ? std::string() : spec.substr(colon + 1));
}

std::vector<std::string> standardPolicySpecs(const ModelPool &pool)
{
    std::vector<std::string> specs{"heuristic", "heuristic:printed", "heuristic:daily"};
    for (const Model &m : pool.models)
        specs.push_back("model:" + m.name);
    return specs;
}

} // namespace cs
