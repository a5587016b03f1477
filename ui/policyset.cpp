#include "policyset.h"

#include <set>

namespace cs {

void assignStyleSlots(PolicySet &set)
{
    std::set<int> taken;
    for (const PolicyEntry &e : set.entries)
        if (e.styleSlot >= 0)
            taken.insert(e.styleSlot);
    int next = 0;
    for (PolicyEntry &e : set.entries) {
        if (e.styleSlot >= 0)
            continue;
        while (taken.count(next))
            ++next;
        e.styleSlot = next;
        taken.insert(next);
    }
}

} // namespace cs
