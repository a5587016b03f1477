#pragma once

#include "live_totals.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCPItemText;

namespace cs {

// The Live tab's chart: cumulative CO2 measured against the simulation's prediction for the same intervals (left
// axis) and the carbon intensity (right axis), over the trace's time. Rows are appended as they come. Until the
// first row the axes carry no tick labels (a time axis over nothing would read "01 Jan 00:00" at every tick) and a
// centred line says how to get data.
class LivePlot : public QWidget
{
    Q_OBJECT

public:
    explicit LivePlot(QWidget *parent = nullptr);

    void clear();
    void append(const LiveInterval &row);
    double measuredTotal() const { return mTotals.measuredCo2G; }
    double predictedTotal() const { return mTotals.predictedCo2G; }
    int points() const { return mTotals.intervals; }
    QCustomPlot *plot() const { return mPlot; }
    // The text shown over the empty plot; hidden once rows arrive.
    QCPItemText *placeholder() const { return mPlaceholder; }

private:
    void setEmpty(bool empty);

    QCustomPlot *mPlot;
    QCPGraph *mMeasuredGraph;
    QCPGraph *mPredictedGraph;
    QCPGraph *mIntensityGraph;
    QCPItemText *mPlaceholder;
    LiveTotals mTotals;
};

} // namespace cs
