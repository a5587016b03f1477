#pragma once

#include <limits>
#include <map>
#include <optional>
#include <string>

namespace cs {

// The "key=value,key=value" arguments of a policy spec ("max-error=8,gpus=4,slo-ms=100"). A bare word is a key
// with an empty value. Every accessor names the spec in its InputError, and unknownKeys() catches typos.
class PolicyArgs
{
public:
    PolicyArgs(std::string spec, const std::string &args);

    bool has(const std::string &key) const;
    // A finite number from 0 to `max`; throws InputError where it is missing (no default), not a number or out
    // of range.
    double number(const std::string &key, double max = std::numeric_limits<double>::max()) const;
    std::optional<double> optionalNumber(const std::string &key,
                                         double max = std::numeric_limits<double>::max()) const;
    std::string text(const std::string &key, const std::string &fallback = {}) const;
    // A duration "7d", "36h", "90m", "3600s" (or plain seconds), in whole seconds from 1 to ten years.
    std::optional<long long> duration(const std::string &key) const;
    // Throws InputError naming the first key not in `allowed` (a comma-separated list).
    void allowOnly(const std::string &allowed) const;
    const std::string &spec() const { return mSpec; }

private:
    std::string mSpec;
    std::map<std::string, std::string> mValues;
};

} // namespace cs
