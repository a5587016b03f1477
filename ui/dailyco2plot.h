#pragma once

#include "qcp.h"

#include <QSet>
#include <QWidget>

namespace cs {

class ScenarioDocument;

// Daily CO2 per policy as grouped bars, one group per UTC day (the paper's Figure 3).
class DailyCo2Plot : public QWidget
{
    Q_OBJECT

public:
    explicit DailyCo2Plot(ScenarioDocument *document, QWidget *parent = nullptr);

    QCustomPlot *plot() const { return mPlot; }
    void setHiddenPolicies(const QSet<QString> &hidden);
    // Follows the timeline's zoom: only days in view are drawn wide.
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
    QCustomPlot *mPlot;
    QSet<QString> mHidden;
};

} // namespace cs
