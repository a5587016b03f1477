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

std::string renameModelInSpec(const std::string &spec, const std::string &from, const std::string &to)
{
    if (spec == "model:" + from)
        return "model:" + to;
    if (spec.rfind("threshold:", 0) != 0)
        return spec;
    std::string out = "threshold:";
    std::string rest = spec.substr(10);
    std::size_t start = 0;
    while (start <= rest.size()) {
        std::size_t end = rest.find(',', start);
        if (end == std::string::npos)
            end = rest.size();
        std::string item = rest.substr(start, end - start);
        const std::size_t at = item.find('@');
        const std::string name = item.substr(0, at);
        if (name == from)
            item = to + (at == std::string::npos ? std::string() : item.substr(at));
        out += item;
        if (end < rest.size())
            out += ',';
        start = end + 1;
    }
    return out;
}

} // namespace cs
