#include "deployment/load_curve.h"

#include "deployment/deployment_limits.h"
#include "parse_error.h"

#include <algorithm>
#include <cmath>

namespace cs {

double LoadCurve::wattsAt(double rate) const
{
    if (points.empty() || rate <= 0)
        return idleWatts;
    if (rate >= points.back().requestsPerS)
        return points.back().watts;
    const auto above = std::lower_bound(points.begin(), points.end(), rate,
                                        [](const LoadPoint &p, double r) { return p.requestsPerS < r; });
    const LoadPoint below = above == points.begin() ? LoadPoint{0, idleWatts} : *(above - 1);
    const double t = (rate - below.requestsPerS) / (above->requestsPerS - below.requestsPerS);
    return below.watts + t * (above->watts - below.watts);
}

void LoadCurve::validate(const std::string &owner) const
{
    auto check = [&](double v, const std::string &what, double max) {
        if (const std::string problem = rangeProblem(v, 0, max); !problem.empty())
            throw InputError(owner + ": load curve: " + what + ": " + problem);
    };
    check(idleWatts, "idle power (W)", limits::maxDeviceWatts);
    double previous = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const std::string at = "point " + std::to_string(i + 1);
        check(points[i].requestsPerS, at + " rate (requests/s)", limits::maxThroughputPerS);
        check(points[i].watts, at + " power (W)", limits::maxDeviceWatts);
        if (!(points[i].requestsPerS > previous))
            throw InputError(owner + ": load curve: " + at + ": rates must ascend and be above 0");
        if (points[i].watts < idleWatts) // a busy GPU draws at least its idle power
            throw InputError(owner + ": load curve: " + at + ": power below the idle power");
        previous = points[i].requestsPerS;
    }
}

} // namespace cs
