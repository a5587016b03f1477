#pragma once

#include "chartrender.h"
#include "reportwriter.h"

#include <QString>

class QCustomPlot;

namespace cs {

class ScenarioDocument;

// Writes what the user sees as files for a report. Each function returns an empty string on success, else why not.
// Every CSV starts with '#' lines saying what it holds (exportcontext.h): scenario, period, pool, baseline,
// policies and the app's version; both CSVs hold the selected period (the whole scenario when none is selected).
class Exporter
{
public:
    // A chart as PNG, SVG or PDF (chosen by the suffix) at a size in points, a PNG at options.dpi, with a title and
    // caption where given and without the view's crosshair.
    static QString chart(QCustomPlot *plot, const QString &path, const ChartExportOptions &options);
    // The same at width x height: pixels for PNG (72 dpi), points for PDF and SVG.
    static QString chart(QCustomPlot *plot, const QString &path, int width, int height);

    // The policies' totals over the period as tidy CSV, units in the header; model shares as one column per model
    // (fraction). efficiency_pct_per_g is left empty where it is not defined, and efficiency_note says why.
    static QString totalsCsv(const ScenarioDocument &document, const QString &path);

    // Every policy's per-interval results over the period in long form: policy_spec then core's interval columns
    // (time_utc,intensity_gco2_per_kwh,requests,model,energy_kwh,co2_g,cumulative_co2_g,error_pct), the
    // cumulative CO2 counted from the period's start.
    static QString intervalsCsv(const ScenarioDocument &document, const QString &path);

    // One A4 landscape page (reportwriter.h): Figures 1-3, the totals and pool tables.
    static QString reportPdf(const ScenarioDocument &document, const ReportFigures &figures, const QString &path);
    static QString reportPdf(const ScenarioDocument &document, QCustomPlot *timeline, QCustomPlot *pareto,
                             const QString &path);
};

} // namespace cs
