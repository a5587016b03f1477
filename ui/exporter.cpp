#include "exporter.h"

#include "efficiencycell.h"
#include "exportcontext.h"
#include "io/atomic_file.h"
#include "result_export.h"
#include "scenariodocument.h"

#include <QFileInfo>

#include <cmath>
#include <sstream>

namespace cs {

namespace {

QString csvField(const QString &text)
{
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))) {
        QString q = text;
        q.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + q + QLatin1Char('"');
    }
    return text;
}

QString number(double v)
{
    return std::isfinite(v) ? QString::fromStdString(plainDecimal(v)) : QString();
}

// Every file goes through core's AtomicFile: the target is replaced only when the whole file is on disk, and
// a project (any SQLite database) or a folder is refused before anything is rendered.
QString writeAtomically(const QString &path, const QByteArray &bytes)
{
    try {
        writeFileAtomically(path.toStdString(), std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        return {};
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
}

QString refusal(const QString &path)
{
    try {
        refuseUnsafeTarget(path.toStdString());
        return {};
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
}

QString efficiencyNote(EfficiencyVerdict::Kind kind)
{
    switch (kind) {
    case EfficiencyVerdict::Defined: return {};
    case EfficiencyVerdict::Dominates: return QStringLiteral("dominates");
    case EfficiencyVerdict::CheaperAndWorse: return QStringLiteral("cheaper and worse");
    case EfficiencyVerdict::SameCo2Worse: return QStringLiteral("same CO2, worse");
    case EfficiencyVerdict::SameAsBaseline: return QStringLiteral("same as baseline");
    case EfficiencyVerdict::NoGain: return QStringLiteral("no gain defined");
    }
    return {};
}

} // namespace

QString Exporter::chart(QCustomPlot *plot, const QString &path, const ChartExportOptions &options)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf") && suffix != QLatin1String("svg"))
        return QObject::tr("Unknown chart format \"%1\": use .png, .svg or .pdf").arg(suffix);
    if (const QString refused = refusal(path); !refused.isEmpty())
        return refused;
    const QByteArray bytes = renderChart(plot, suffix, options);
    if (bytes.isEmpty())
        return QObject::tr("%1: the chart could not be drawn as %2 at %3 x %4 pt, %5 dpi")
            .arg(path, suffix.toUpper())
            .arg(options.sizePt.width())
            .arg(options.sizePt.height())
            .arg(options.dpi);
    return writeAtomically(path, bytes);
}

QString Exporter::chart(QCustomPlot *plot, const QString &path, int width, int height)
{
    ChartExportOptions options;
    options.sizePt = QSizeF(width, height);
    options.dpi = 72;
    return chart(plot, path, options);
}

QString Exporter::totalsCsv(const ScenarioDocument &document, const QString &path)
{
    const ModelPool &pool = document.pool();
    QString out = csvCommentBlock(document);
    out += QStringLiteral("# rows: each policy's totals over the period above\n");
    QStringList header{QStringLiteral("policy"), QStringLiteral("spec"), QStringLiteral("co2_g"),
                       QStringLiteral("energy_kwh"), QStringLiteral("error_pct"), QStringLiteral("requests"),
                       QStringLiteral("intervals"), QStringLiteral("baseline"), QStringLiteral("extra_co2_g"),
                       QStringLiteral("rel_gain_pct"), QStringLiteral("efficiency_pct_per_g")};
    for (const Model &m : pool.models)
        header << csvField(QStringLiteral("share_%1_fraction").arg(QString::fromStdString(m.name)));
    header << QStringLiteral("efficiency_note");
    out += header.join(QLatin1Char(',')) + QLatin1Char('\n');
    const int b = document.baselineRun();
    const QString baseline = b >= 0 ? QString::fromStdString(document.runs()[static_cast<std::size_t>(b)].spec) : QString();
    const double baselineCo2 = b >= 0 ? document.runs()[static_cast<std::size_t>(b)].rangeTotals.co2G : 0;
    for (const PolicyRun &run : document.runs()) {
        if (!run.ok())
            continue;
        const Totals &t = run.rangeTotals;
        const EfficiencyVerdict v =
            efficiencyVerdict(run.rangeVsBaseline.extraCo2G, run.rangeVsBaseline.relativeGainPct, baselineCo2);
        QStringList row{csvField(QString::fromStdString(run.label)), csvField(QString::fromStdString(run.spec)),
                        number(t.co2G), number(t.energyKwh), number(t.errorPct), number(t.requests),
                        QString::number(t.intervals), csvField(baseline),
                        b >= 0 ? number(run.rangeVsBaseline.extraCo2G) : QString(),
                        b >= 0 ? number(run.rangeVsBaseline.relativeGainPct) : QString(),
                        b >= 0 && v.kind == EfficiencyVerdict::Defined ? number(v.percentPerGram) : QString()};
        for (int m = 0; m < pool.size(); ++m)
            row << number(static_cast<std::size_t>(m) < t.modelShare.size() ? t.modelShare[static_cast<std::size_t>(m)] : 0.0);
        row << (b >= 0 ? csvField(efficiencyNote(v.kind)) : QString());
        out += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return writeAtomically(path, out.toUtf8());
}

QString Exporter::intervalsCsv(const ScenarioDocument &document, const QString &path)
{
    const ExportPeriod period = exportPeriod(document);
    std::string out = csvCommentBlock(document).toStdString();
    out += "# rows: each policy's intervals in the period above; cumulative_co2_g counts from the period's start\n";
    bool first = true;
    for (const PolicyRun &run : document.runs()) {
        if (!run.ok())
            continue;
        std::ostringstream one;
        writeIntervalCsvPeriod(one, document.scenario(), document.pool(), run.result, period.begin, period.end);
        const std::string text = one.str();
        std::size_t pos = 0;
        const std::string spec = csvField(QString::fromStdString(run.spec)).toStdString();
        while (pos < text.size()) {
            std::size_t end = text.find('\n', pos);
            if (end == std::string::npos)
                end = text.size();
            const std::string line = text.substr(pos, end - pos);
            if (pos == 0) {
                if (first)
                    out += "policy_spec," + line + '\n';
            } else if (!line.empty()) {
                out += spec + ',' + line + '\n';
            }
            pos = end + 1;
        }
        first = false;
    }
    return writeAtomically(path, QByteArray::fromStdString(out));
}

QString Exporter::reportPdf(const ScenarioDocument &document, const ReportFigures &figures, const QString &path)
{
    if (const QString refused = refusal(path); !refused.isEmpty())
        return refused;
    const QByteArray bytes = renderReportPdf(document, figures);
    if (bytes.isEmpty())
        return QObject::tr("%1: the report could not be drawn").arg(path);
    return writeAtomically(path, bytes);
}

QString Exporter::reportPdf(const ScenarioDocument &document, QCustomPlot *timeline, QCustomPlot *pareto,
                            const QString &path)
{
    ReportFigures figures;
    figures.timeline = timeline;
    figures.pareto = pareto;
    return reportPdf(document, figures, path);
}

} // namespace cs
