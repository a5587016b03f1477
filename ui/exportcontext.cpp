#include "exportcontext.h"

#include "result_export.h"
#include "scenariodocument.h"

#include <QCoreApplication>

#include <algorithm>

namespace cs {

ExportPeriod exportPeriod(const ScenarioDocument &document)
{
    const Scenario &s = document.scenario();
    ExportPeriod p;
    if (s.empty())
        return p;
    p.from = s.times.front();
    p.to = s.times.back() + s.intervalSeconds;
    p.end = s.size();
    if (const auto &range = document.totalsRange()) {
        p.selected = true;
        p.from = range->first;
        p.to = range->second;
        // The totals count intervals that start in [from, to), as ScenarioDocument's range does.
        p.begin = static_cast<std::size_t>(std::lower_bound(s.times.begin(), s.times.end(), p.from) - s.times.begin());
        p.end = static_cast<std::size_t>(std::lower_bound(s.times.begin(), s.times.end(), p.to) - s.times.begin());
    }
    return p;
}

static QString utc(UtcSeconds t)
{
    return QString::fromStdString(formatUtcTime(t));
}

QString periodText(const ScenarioDocument &document)
{
    const ExportPeriod p = exportPeriod(document);
    const std::size_t n = p.end - p.begin;
    const QString count = n == 1 ? QCoreApplication::translate("cs", "1 interval")
                                 : QCoreApplication::translate("cs", "%1 intervals").arg(n);
    return (p.selected ? QCoreApplication::translate("cs", "%1 to %2 (selected period, %3)")
                       : QCoreApplication::translate("cs", "%1 to %2 (whole scenario, %3)"))
        .arg(utc(p.from), utc(p.to), count);
}

QString appVersion()
{
    const QString v = QCoreApplication::applicationVersion();
    return v.isEmpty() ? QStringLiteral("unknown") : v;
}

QStringList exportContextLines(const ScenarioDocument &document)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("cs", text); };
    QStringList lines;
    lines << tr("scenario: %1").arg(document.description());
    lines << tr("period: %1").arg(periodText(document));
    const ModelPool &pool = document.pool();
    const QString poolName = pool.name.empty() ? QString() : QStringLiteral(" (%1)").arg(QString::fromStdString(pool.name));
    lines << (pool.size() == 1 ? tr("pool: 1 model%1").arg(poolName)
                               : tr("pool: %1 models%2").arg(QString::number(pool.size()), poolName));
    for (const Model &m : pool.models)
        lines << tr("model: %1, energy %2 mJ per inference, top-5 error %3 %")
                     .arg(QString::fromStdString(m.name), QString::fromStdString(plainDecimal(m.energyMj)),
                          QString::fromStdString(plainDecimal(m.errorPct)));
    const int b = document.baselineRun();
    lines << tr("baseline: %1")
                 .arg(b >= 0 ? QString::fromStdString(document.runs()[static_cast<std::size_t>(b)].spec)
                             : tr("none (did not run)"));
    QStringList specs;
    for (const PolicyEntry &e : document.policies().entries) {
        QString spec = QString::fromStdString(e.spec);
        if (!e.allowedModels.empty()) {
            QStringList allowed;
            for (const std::string &m : e.allowedModels)
                allowed << QString::fromStdString(m);
            spec += tr(" (models: %1)").arg(allowed.join(QStringLiteral(" ")));
        }
        specs << spec;
    }
    lines << tr("policies: %1").arg(specs.join(QStringLiteral("; ")));
    lines << tr("made by CarbonScope %1").arg(appVersion());
    return lines;
}

QString csvCommentBlock(const ScenarioDocument &document)
{
    QString out;
    for (QString line : exportContextLines(document))
        out += QStringLiteral("# ") + line.replace(QLatin1Char('\n'), QLatin1Char(' ')) + QLatin1Char('\n');
    return out;
}

} // namespace cs
