#pragma once

#include "sweep_result.h"

#include "qcp.h"

namespace cs {

// A sweep as a heat map: series down, periods across, one metric of one policy as colour. Cells without a value
// (no data in the period, an efficiency without extra CO2) are grey. Hovering a cell names it and its value.
class SweepHeatMap : public QCustomPlot
{
    Q_OBJECT

public:
    explicit SweepHeatMap(QWidget *parent = nullptr);

    // Shows `metric` of policy `policy`; an empty result clears the map. The result must outlive the next call.
    void show(const SweepResult *result, SweepMetric metric, std::size_t policy);

    // The value drawn for series s (row, from the top) and period q (column); NaN where blank.
    double shownValue(std::size_t s, std::size_t q) const;
    QString cellText(std::size_t s, std::size_t q) const;
    QCPColorMap *colorMap() const { return mMap; }

Q_SIGNALS:
    void hovered(const QString &text);

private:
    void onMouseMove(QMouseEvent *event);

    QCPColorMap *mMap;
    QCPColorScale *mScale;
    QCPTextElement *mTitle;
    const SweepResult *mResult = nullptr;
    SweepMetric mMetric = SweepMetric::RegretPct;
    std::size_t mPolicy = 0;
};

} // namespace cs
