#include "exporter.h"

#include "io/atomic_file.h"
#include "qcp.h"
#include "result_export.h"
#include "scenariodocument.h"

#include <QBuffer>
#include <QDateTime>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

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

// Vector output (PDF, SVG) as QCustomPlot's savePdf draws it: non-cosmetic pens, no cached pixmaps.
bool paintVector(QCustomPlot *plot, QPaintDevice *device, int width, int height)
{
    QCPPainter painter;
    if (!painter.begin(device))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
    painter.setWindow(0, 0, width, height);
    plot->toPainter(&painter, width, height);
    return painter.end();
}

QByteArray renderChart(QCustomPlot *plot, const QString &suffix, int width, int height)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = plot->toPixmap(width, height, 1.0).save(&buffer, "PNG");
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(&buffer);
        pdf.setCreator(QStringLiteral("CarbonScope"));
        pdf.setTitle(QStringLiteral("CarbonScope chart"));
        pdf.setResolution(72); // one point per pixel of the chosen size
        pdf.setPageLayout(QPageLayout(QPageSize(QSizeF(width, height), QPageSize::Point, QString(), QPageSize::ExactMatch),
                                      QPageLayout::Portrait, QMarginsF()));
        ok = paintVector(plot, &pdf, width, height);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(QSize(width, height));
        svg.setViewBox(QRect(0, 0, width, height));
        svg.setTitle(QStringLiteral("CarbonScope chart"));
        QCPPainter painter;
        ok = painter.begin(&svg);
        if (ok) {
            plot->toPainter(&painter, width, height);
            ok = painter.end();
        }
    }
    buffer.close();
    return ok ? bytes : QByteArray();
}

} // namespace

QString Exporter::chart(QCustomPlot *plot, const QString &path, int width, int height)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf") && suffix != QLatin1String("svg"))
        return QObject::tr("Unknown chart format \"%1\": use .png, .svg or .pdf").arg(suffix);
    if (const QString refused = refusal(path); !refused.isEmpty())
        return refused;
    const QByteArray bytes = renderChart(plot, suffix, width, height);
    if (bytes.isEmpty())
        return QObject::tr("%1: the chart could not be drawn as %2").arg(path, suffix.toUpper());
    return writeAtomically(path, bytes);
}

QString Exporter::totalsCsv(const ScenarioDocument &document, const QString &path)
{
    const ModelPool &pool = document.pool();
    QStringList header{QStringLiteral("policy"), QStringLiteral("spec"), QStringLiteral("co2_g"),
                       QStringLiteral("energy_kwh"), QStringLiteral("error_pct"), QStringLiteral("requests"),
                       QStringLiteral("intervals"), QStringLiteral("baseline"), QStringLiteral("extra_co2_g"),
                       QStringLiteral("rel_gain_pct"), QStringLiteral("efficiency_pct_per_g")};
    for (const Model &m : pool.models)
        header << csvField(QStringLiteral("share_%1_fraction").arg(QString::fromStdString(m.name)));
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    const int b = document.baselineRun();
    const QString baseline = b >= 0 ? QString::fromStdString(document.runs()[static_cast<std::size_t>(b)].spec) : QString();
    for (const PolicyRun &run : document.runs()) {
        if (!run.ok())
            continue;
        const Totals &t = run.rangeTotals;
        QStringList row{csvField(QString::fromStdString(run.label)), csvField(QString::fromStdString(run.spec)),
                        number(t.co2G), number(t.energyKwh), number(t.errorPct), number(t.requests),
                        QString::number(t.intervals), csvField(baseline),
                        b >= 0 ? number(run.rangeVsBaseline.extraCo2G) : QString(),
                        b >= 0 ? number(run.rangeVsBaseline.relativeGainPct) : QString(),
                        b >= 0 ? number(run.rangeVsBaseline.efficiency) : QString()};
        for (int m = 0; m < pool.size(); ++m)
            row << number(static_cast<std::size_t>(m) < t.modelShare.size() ? t.modelShare[static_cast<std::size_t>(m)] : 0.0);
        out += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return writeAtomically(path, out.toUtf8());
}

QString Exporter::intervalsCsv(const ScenarioDocument &document, const QString &path)
{
    std::string out;
    bool first = true;
    for (const PolicyRun &run : document.runs()) {
        if (!run.ok())
            continue;
        std::ostringstream one;
        writeIntervalCsv(one, document.scenario(), document.pool(), run.result);
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

QString Exporter::reportPdf(const ScenarioDocument &document, QCustomPlot *timeline, QCustomPlot *pareto,
                            const QString &path)
{
    if (const QString refused = refusal(path); !refused.isEmpty())
        return refused;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(QPageLayout::Landscape);
    pdf.setPageMargins(QMarginsF(12, 10, 12, 10), QPageLayout::Millimeter);
    pdf.setResolution(150);
    pdf.setTitle(QStringLiteral("CarbonScope report"));
    pdf.setCreator(QStringLiteral("CarbonScope"));
    QPainter p;
    if (!p.begin(&pdf))
        return QObject::tr("%1: the report could not be drawn").arg(path);
    const QRect page = p.viewport();
    const int w = page.width();
    int y = 0;

    QFont title = p.font();
    title.setPointSizeF(16);
    title.setBold(true);
    p.setFont(title);
    p.drawText(QRect(0, y, w, 60), Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("CarbonScope: policy comparison"));
    y += 60;
    QFont body = p.font();
    body.setPointSizeF(8.5);
    body.setBold(false);
    p.setFont(body);
    QString scope = document.description();
    if (const auto &range = document.totalsRange())
        scope += QObject::tr(" — totals for %1 to %2 UTC")
                     .arg(QDateTime::fromSecsSinceEpoch(range->first, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd hh:mm")),
                          QDateTime::fromSecsSinceEpoch(range->second, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd hh:mm")));
    const int b = document.baselineRun();
    scope += QObject::tr(". Pool: %1 models. Baseline: %2. Made %3 UTC.")
                 .arg(document.pool().size())
                 .arg(b >= 0 ? QString::fromStdString(document.runs()[static_cast<std::size_t>(b)].label) : QObject::tr("none"))
                 .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd hh:mm")));
    const QRect scopeRect = p.boundingRect(QRect(0, y, w, 200), Qt::TextWordWrap, scope);
    p.drawText(scopeRect, Qt::TextWordWrap, scope);
    y += scopeRect.height() + 10;

    // Charts side by side, rendered at twice the pixels they fill so they stay sharp in print.
    const int chartH = static_cast<int>(page.height() * 0.52);
    const int gap = 20;
    const int leftW = static_cast<int>((w - gap) * 0.6);
    const int rightW = w - gap - leftW;
    if (timeline)
        p.drawPixmap(QRect(0, y, leftW, chartH), timeline->toPixmap(leftW, chartH, 2.0));
    if (pareto)
        p.drawPixmap(QRect(leftW + gap, y, rightW, chartH), pareto->toPixmap(rightW, chartH, 2.0));
    y += chartH + 12;

    // The totals table.
    const QStringList header{QObject::tr("Policy"), QObject::tr("CO₂ (g)"), QObject::tr("Error (%)"),
                             QObject::tr("Extra CO₂ (g)"), QObject::tr("Rel. gain (%)"), QObject::tr("Efficiency (%/g)")};
    const std::array<double, 6> widths{0.34, 0.13, 0.11, 0.14, 0.13, 0.15};
    const int rowH = static_cast<int>(p.fontMetrics().height() * 1.35);
    const auto drawRow = [&](const QStringList &cells, bool bold) {
        QFont f = body;
        f.setBold(bold);
        p.setFont(f);
        int x = 0;
        for (int c = 0; c < cells.size(); ++c) {
            const int cw = static_cast<int>(w * widths[static_cast<std::size_t>(c)]);
            p.drawText(QRect(x + 4, y, cw - 8, rowH), (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                       cells[c]);
            x += cw;
        }
        y += rowH;
    };
    drawRow(header, true);
    p.drawLine(0, y, w, y);
    for (const PolicyRun &run : document.runs()) {
        if (!run.ok() || y + rowH > page.height())
            continue;
        const bool base = run.spec == document.policies().baseline;
        drawRow({QString::fromStdString(run.label) + (base ? QObject::tr(" (baseline)") : QString()),
                 QString::number(run.rangeTotals.co2G, 'f', 1), QString::number(run.rangeTotals.errorPct, 'f', 3),
                 b >= 0 ? QString::number(run.rangeVsBaseline.extraCo2G, 'f', 1) : QString(),
                 b >= 0 ? QString::number(run.rangeVsBaseline.relativeGainPct, 'f', 2) : QString(),
                 b >= 0 && std::isfinite(run.rangeVsBaseline.efficiency)
                     ? QString::number(run.rangeVsBaseline.efficiency, 'g', 4)
                     : QObject::tr("—")},
                base);
    }
    if (!p.end())
        return QObject::tr("%1: the report could not be drawn").arg(path);
    buffer.close();
    return writeAtomically(path, bytes);
}

} // namespace cs
