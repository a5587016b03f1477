#pragma once

#include "liverow.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;

namespace cs {

// The Live tab's chart: cumulative CO2 measured against the simulation's prediction for the same intervals (left
// axis) and the carbon intensity (right axis), over the trace's time. Rows are appended as they come.
class LivePlot : public QWidget
{
    Q_OBJECT

public:
    explicit LivePlot(QWidget *parent = nullptr);

    void clear();
    void append(const LiveRow &row);
    double measuredTotal() const { return mMeasured; }
    double predictedTotal() const { return mPredicted; }
    int points() const { return mPoints; }
    QCustomPlot *plot() const { return mPlot; }

private:
    QCustomPlot *mPlot;
    QCPGraph *mMeasuredGraph;
    QCPGraph *mPredictedGraph;
    QCPGraph *mIntensityGraph;
    double mMeasured = 0;
    double mPredicted = 0;
    int mPoints = 0;
};

} // namespace cs
