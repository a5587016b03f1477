#pragma once

#include <string>
#include <vector>

namespace cs {

// Power of one GPU serving one model as a function of its request rate, profiled on the machine (issue #16):
// idle at 0 requests/s, then measured points up to the rate the batch server sustains (its capacity).
// The simulator charges an interval the curve's power over its duration, so idle time and small batches cost
// what they cost on the GPU, instead of every request paying the full-batch energy per image.
struct LoadPoint
{
    double requestsPerS = 0; // per GPU
    double watts = 0;        // whole-board power at that rate

    bool operator==(const LoadPoint &) const = default;
};

struct LoadCurve
{
    double idleWatts = 0;
    std::vector<LoadPoint> points; // ascending rate, all above 0; the last one is the capacity

    bool empty() const { return points.empty(); }
    double capacityPerS() const { return points.empty() ? 0 : points.back().requestsPerS; }
    // Linear between (0, idle) and the points; at and above capacity, the power at capacity.
    double wattsAt(double requestsPerS) const;

    // Throws InputError naming `owner` where a figure is out of range or the rates do not ascend.
    void validate(const std::string &owner) const;

    bool operator==(const LoadCurve &) const = default;
};

} // namespace cs
