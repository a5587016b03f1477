#pragma once

#include <QString>

class QAbstractItemModel;
class QCustomPlot;

namespace cs {

class ScenarioDocument;

// Writes what the user sees as files for a report. Each function returns an empty string on success, else why not.
class Exporter
{
public:
    // A chart as PNG, SVG or PDF (chosen by the suffix) at width x height pixels (points for PDF/SVG).
    static QString chart(QCustomPlot *plot, const QString &path, int width, int height);

    // The policies' totals as tidy CSV, units in the header; model shares as one column per model (fraction).
    static QString totalsCsv(const ScenarioDocument &document, const QString &path);

    // Every policy's per-interval results in long form: policy_spec then core's interval columns
    // (time_utc,intensity_gco2_per_kwh,requests,model,energy_kwh,co2_g,cumulative_co2_g,error_pct).
    static QString intervalsCsv(const ScenarioDocument &document, const QString &path);

    // One A4 landscape page: title, scenario description, the charts given, and the totals table.
    static QString reportPdf(const ScenarioDocument &document, QCustomPlot *timeline, QCustomPlot *pareto,
                             const QString &path);
};

} // namespace cs
