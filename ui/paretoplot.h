#pragma once

#include "lazyplot.h"

#include <QPointF>
#include <QRectF>

#include <vector>

namespace cs {

// CO2 against error with every policy as a point (over the selected range) and the exact CO2-error frontier of the
// pool over the same range (the whole scenario or the period). Labels are laid out on every redraw (screen or
// export size) so that none overlaps another, a point or the legend, and the legend sits in a corner free of points.
class ParetoPlot : public LazyPlot
{
    Q_OBJECT

public:
    explicit ParetoPlot(ScenarioDocument *document, QWidget *parent = nullptr);

    bool hasFrontier() const { return mFrontierPoints > 0; }
    // The frontier's least-error end as (CO2 in grams, error in %); meaningful only with hasFrontier().
    QPointF frontierLeastError() const { return mLeastError; }
    // After a replot: each label's box and each point in pixels, in the order of the policies drawn.
    const std::vector<QRectF> &labelRects() const { return mLabelRects; }
    std::vector<QPointF> pointPixels() const;

protected:
    void rebuild() override;

private:
    void layoutOverlays();

    struct Point
    {
        QCPGraph *graph = nullptr;
        QCPItemText *label = nullptr;
    };
    std::vector<Point> mPoints;
    std::vector<QRectF> mLabelRects;
    int mFrontierPoints = 0;
    QPointF mLeastError;
    bool mLayingOut = false;
};

} // namespace cs
