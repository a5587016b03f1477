#pragma once

#include <string>
#include <utility>
#include <vector>

namespace cs {

// One policy the user compares, the pool models it may use (empty: all of them) and how it is drawn.
struct PolicyEntry
{
    PolicyEntry(std::string spec_ = {}, std::vector<std::string> allowedModels_ = {})
        : spec(std::move(spec_)), allowedModels(std::move(allowedModels_))
    {
    }

    std::string spec;
    std::vector<std::string> allowedModels;
    int styleSlot = -1;  // its colour/dash/marker (policystyle.h); -1 until assignStyleSlots gives it one
    std::string colour;  // "#rrggbb" the user chose over the slot's colour; empty: the slot's

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

// Gives every entry without a style slot the lowest slot no other entry holds, in order: a policy keeps its slot
// (and so its look) while others come and go, and a set built in the same order always gets the same slots.
void assignStyleSlots(PolicySet &set);

// `spec` with model `from` renamed `to` in "model:NAME" and "threshold:M1@C1,...,Mn" specs; others unchanged.
std::string renameModelInSpec(const std::string &spec, const std::string &from, const std::string &to);

} // namespace cs
