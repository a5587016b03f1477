#include "policy_factory.h"

#include "parse_error.h"
#include "register_policies.h"

#include <cctype>
#include <map>
#include <mutex>

namespace cs {

namespace {

struct Registry
{
    std::mutex mutex;
    std::map<std::string, PolicyKind> kinds; // by name: help, presets and docs come out sorted

    Registry()
    {
        for (PolicyKind &k : corePolicyKinds())
            kinds[k.name] = std::move(k);
    }
};

Registry &registry()
{
    static Registry r;
    return r;
}

// "SYNTAX" padded to a column, then the help: the lines line up in --help and tooltips.
std::string helpLine(const PolicyKind &k)
{
    constexpr std::size_t column = 32;
    return k.syntax + std::string(k.syntax.size() + 2 <= column ? column - k.syntax.size() : 2, ' ') + k.help;
}

} // namespace

void registerPolicyKind(PolicyKind kind)
{
    auto &r = registry();
    std::lock_guard lock(r.mutex);
    r.kinds[kind.name] = std::move(kind);
}

std::vector<PolicyKind> policyKinds()
{
    auto &r = registry();
    std::lock_guard lock(r.mutex);
    std::vector<PolicyKind> out;
    for (const auto &[name, kind] : r.kinds)
        out.push_back(kind);
    return out;
}

std::vector<std::string> policyKindHelp()
{
    std::vector<std::string> lines;
    for (const PolicyKind &k : policyKinds())
        lines.push_back(helpLine(k));
    return lines;
}

std::vector<std::string> policyExamples()
{
    std::vector<std::string> out;
    for (const PolicyKind &k : policyKinds())
        out.insert(out.end(), k.examples.begin(), k.examples.end());
    return out;
}

std::string policyReference()
{
    std::string md = "# Policy specs\n\n"
                     "A policy decides which model of the pool serves each interval. `carbonscope-cli simulate "
                     "--policy`, `compare`,\n`optimize`, `live`, the Compare tab and live mode all take these specs. "
                     "This file is generated from the\npolicy registry (`policyReference()` in "
                     "core/policy_factory.cpp); tests/core/test_policy_registry.cpp fails when the two\ndiffer "
                     "and writes the current text beside the test binary (policies.md) to copy here.\n";
    for (const PolicyKind &k : policyKinds()) {
        std::string sentence = k.help;
        sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
        md += "\n## `" + k.name + "`\n\n    " + k.syntax + "\n\n" + sentence + ".\n";
        if (!k.examples.empty()) {
            md += "\nExample" + std::string(k.examples.size() > 1 ? "s" : "") + ":";
            for (std::size_t i = 0; i < k.examples.size(); ++i)
                md += (i ? ", `" : " `") + k.examples[i] + "`";
            md += "\n";
        }
    }
    return md;
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
        const auto it = r.kinds.find(spec.substr(0, colon));
        if (it == r.kinds.end()) {
            std::string known;
            for (const auto &[name, kind] : r.kinds)
                known += (known.empty() ? "" : ", ") + name;
            throw InputError("unknown policy '" + spec + "' (known kinds: " + known + ")");
        }
        factory = it->second.make;
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
