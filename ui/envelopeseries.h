#pragma once

#include "qcp.h"

#include <vector>

namespace cs {

// A series for QCustomPlot with min/max envelopes for zoomed-out views (PulseView's AnalogSegment): level 0 is the
// data itself, level k keeps each bucket of 4^k points as its minimum and maximum in their original order, so a
// frame draws about two points per pixel however many points lie in view.
class EnvelopeSeries
{
public:
    // keys sorted ascending; NaN values break the line at level 0 and are skipped in the envelopes.
    void setData(const std::vector<double> &keys, const std::vector<double> &values);

    // The container to draw when [lower, upper] spans `pixels` pixels.
    QSharedPointer<QCPGraphDataContainer> levelFor(double lower, double upper, int pixels) const;
    const QSharedPointer<QCPGraphDataContainer> &full() const { return mLevels.front(); }
    int levelCount() const { return static_cast<int>(mLevels.size()); }
    bool empty() const { return mLevels.empty() || mLevels.front()->isEmpty(); }

private:
    std::vector<QSharedPointer<QCPGraphDataContainer>> mLevels{QSharedPointer<QCPGraphDataContainer>::create()};
    std::vector<int> mBucket{1};
};

} // namespace cs
