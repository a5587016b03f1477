#pragma once

#include <QByteArray>

#include <functional>

class QCustomPlot;

namespace cs {

class ScenarioDocument;

// The plots a report shows (any may be null: its figure is left out) and what hides the timeline's crosshair.
struct ReportFigures
{
    QCustomPlot *timeline = nullptr; // Figure 1
    QCustomPlot *pareto = nullptr;   // Figure 2
    QCustomPlot *daily = nullptr;    // Figure 3: daily CO2
    std::function<void(bool)> setOverlaysVisible;
};

// One A4 landscape page as PDF: title, what the figures are about (scenario, period, pool, baseline), Figures 1-3
// drawn as vectors with their text at least 8 pt on paper, the totals table and the pool table. Text is real
// text in embedded fonts, so "CO₂" and "—" copy and search as themselves. Empty where it could not be drawn.
QByteArray renderReportPdf(const ScenarioDocument &document, const ReportFigures &figures);

} // namespace cs
