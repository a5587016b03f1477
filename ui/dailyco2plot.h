#pragma once

#include "qcp.h"

#include <QSet>
#include <QWidget>

#include <optional>
#include <utility>

namespace cs {

class ScenarioDocument;

// Daily CO2 per policy as grouped bars, one group per UTC day (the paper's Figure 3). The x range follows the
// timeline's zoom (whole days); with a period selected the bars count only its intervals, as the totals do.
class DailyCo2Plot : public QWidget
{
    Q_OBJECT

public:
    explicit DailyCo2Plot(ScenarioDocument *document, QWidget *parent = nullptr);

    QCustomPlot *plot() const { return mPlot; }
    void setHiddenPolicies(const QSet<QString> &hidden);
    // Follows the timeline's zoom: shows every UTC day that [lower, upper) touches, partly visible ones included.
    void setTimeRange(double lower, double upper);

    // Brings a plot that was hidden during edits up to date (before it is exported).
    void ensureCurrent()
    {
        if (mDirty)
            rebuild();
    }

protected:
    void showEvent(QShowEvent *event) override;

private:
    // Rebuilds now when visible, else when next shown: a hidden tab costs an edit nothing.
    void rebuildWhenVisible();
    void rebuild();

    ScenarioDocument *mDocument;
    bool mDirty = false;
    void applyTimeRange();

    QCustomPlot *mPlot;
    QCPTextElement *mTitle;
    QCPItemRect *mPeriodMark = nullptr;
    QSet<QString> mHidden;
    std::optional<std::pair<double, double>> mTimeRange; // the timeline's, unsnapped; none: the whole scenario
};

} // namespace cs
