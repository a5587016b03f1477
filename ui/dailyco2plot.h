#pragma once

#include "lazyplot.h"
#include "timebuckets.h"

#include <QSet>

#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace cs {

// CO2 per policy as grouped bars over calendar buckets (the paper's Figure 3): one group per UTC day, or per week or
// month when the span in view is long (timebuckets.h), so a year reads as 52 or 12 groups. The x range follows the
// timeline's zoom (whole buckets) and the CO2 axis fits the buckets in view; with a period selected the bars count
// only its intervals, as the totals do.
class DailyCo2Plot : public LazyPlot
{
    Q_OBJECT

public:
    explicit DailyCo2Plot(ScenarioDocument *document, QWidget *parent = nullptr);

    void setHiddenPolicies(const QSet<QString> &hidden);
    // Follows the timeline's zoom: shows every bucket that [lower, upper) touches, partly visible ones included.
    void setTimeRange(double lower, double upper);
    TimeBucket bucket() const { return mBucket; }

protected:
    void rebuild() override;

private:
    std::pair<double, double> visibleSpan() const;
    void applyTimeRange();

    QCPItemRect *mPeriodMark = nullptr;
    QSet<QString> mHidden;
    std::optional<std::pair<double, double>> mTimeRange; // the timeline's, unsnapped; none: the whole scenario
    TimeBucket mBucket = TimeBucket::Day;
    std::map<UtcSeconds, double> mBucketMax; // the largest bar of each bucket, in the plotted unit
};

} // namespace cs
