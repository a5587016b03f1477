#pragma once

#include "qcp.h"

#include <QPointF>
#include <QWidget>

namespace cs {

class ScenarioDocument;

// CO2 against error with every policy as a point (over the selected range), and, where the optimize library is
// built, the exact CO2-error frontier of the pool over the same range (the whole scenario or the period).
class ParetoPlot : public QWidget
{
    Q_OBJECT

public:
    explicit ParetoPlot(ScenarioDocument *document, QWidget *parent = nullptr);

    QCustomPlot *plot() const { return mPlot; }
    bool hasFrontier() const { return mFrontierPoints > 0; }
    // The frontier's least-error end as (CO2 in grams, error in %); meaningful only with hasFrontier().
    QPointF frontierLeastError() const { return mLeastError; }

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
    int mFrontierPoints = 0;
    QPointF mLeastError;
};

} // namespace cs
