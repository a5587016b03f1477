#pragma once

#include <string>
#include <vector>

namespace cs {

// One policy the user compares, and the pool models it may use (empty: all of them).
struct PolicyEntry
{
    std::string spec;
    std::vector<std::string> allowedModels;

    bool operator==(const PolicyEntry &) const = default;
};

// The policies of a document and the one that the others are measured against.
struct PolicySet
{
    std::vector<PolicyEntry> entries;
    std::string baseline; // a spec of `entries`

    int indexOf(const std::string &spec) const
    {
        for (std::size_t i = 0; i < entries.size(); ++i)
            if (entries[i].spec == spec)
                return static_cast<int>(i);
        return -1;
    }
    bool operator==(const PolicySet &) const = default;
};

} // namespace cs
