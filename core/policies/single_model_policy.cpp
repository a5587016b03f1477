#include "single_model_policy.h"

#include "parse_error.h"

namespace cs {

int requireModel(const ModelPool &pool, const std::string &modelName, const std::string &policySpec)
{
    const int index = pool.indexOf(modelName);
    if (index >= 0)
        return index;
    std::string known;
    for (const Model &m : pool.models)
        known += (known.empty() ? "" : ", ") + m.name;
    throw InputError("policy '" + policySpec + "': unknown model '" + modelName + "' (pool '" + pool.name +
                     "' has " + known + ")");
}

PolicyKind SingleModelPolicy::kind()
{
    return {"model", "model:NAME", "always the named model (a baseline)", {"model:ResNet50"},
            [](const std::string &spec, const std::string &args) -> PolicyPtr {
                if (args.empty())
                    throw InputError("policy '" + spec + "': name the model, e.g. model:ResNet50");
                return std::make_unique<SingleModelPolicy>(args);
            }};
}

SingleModelPolicy::SingleModelPolicy(std::string modelName)
    : mModelName(std::move(modelName))
{}

Assignment SingleModelPolicy::assign(const Scenario &scenario, const ModelPool &pool) const
{
    const int index = requireModel(pool, mModelName, spec());
    return Assignment(scenario.size(), Choice{index});
}

} // namespace cs
