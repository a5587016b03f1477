#include "reportwriter.h"

#include "chartrender.h"
#include "exportcontext.h"
#include "policytotalsmodel.h"
#include "qcp.h"
#include "result_export.h"
#include "scenariodocument.h"
#include "unitformat.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QPdfWriter>

#include <algorithm>
#include <array>
#include <vector>

namespace cs {

namespace {

// The page is laid out in points (the writer's resolution is 72 dpi), so a font's size is its size on paper.
constexpr double margin = 28;
constexpr double bodyPt = 8.5;
constexpr double captionPt = 8;
constexpr double gap = 12;

QString tr(const char *text)
{
    return QCoreApplication::translate("cs", text);
}

struct Table
{
    QStringList header;
    std::vector<QStringList> rows;
    std::vector<double> widths; // fractions of the table's width
    int boldRow = -1;
};

double rowHeight(QPainter &p)
{
    return p.fontMetrics().height() * 1.3;
}

// Draws `table` at (x, y) `width` wide; returns its height. First column left-aligned, the others right.
double drawTable(QPainter &p, const Table &table, double x, double y, double width, const QFont &font)
{
    const auto drawRow = [&](const QStringList &cells, bool bold, double top) {
        QFont f = font;
        f.setBold(bold);
        p.setFont(f);
        double left = x;
        for (int c = 0; c < cells.size() && c < static_cast<int>(table.widths.size()); ++c) {
            const double w = width * table.widths[static_cast<std::size_t>(c)];
            const QRectF cell(left + 2, top, w - 4, rowHeight(p));
            p.drawText(cell, (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                       p.fontMetrics().elidedText(cells[c], Qt::ElideRight, static_cast<int>(cell.width())));
            left += w;
        }
    };
    p.setFont(font);
    const double h = rowHeight(p);
    drawRow(table.header, true, y);
    p.drawLine(QPointF(x, y + h), QPointF(x + width, y + h));
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        drawRow(table.rows[r], static_cast<int>(r) == table.boldRow, y + h * static_cast<double>(r + 1));
    return h * static_cast<double>(table.rows.size() + 1);
}

Table totalsTable(const ScenarioDocument &d)
{
    Table t;
    const std::array columns{PolicyTotalsModel::Policy, PolicyTotalsModel::Co2, PolicyTotalsModel::Error,
                             PolicyTotalsModel::ExtraCo2, PolicyTotalsModel::RelativeGain,
                             PolicyTotalsModel::Efficiency};
    t.widths = {0.3, 0.12, 0.11, 0.15, 0.13, 0.19};
    for (int c : columns)
        t.header << PolicyTotalsModel::headerText(d, c);
    for (int r = 0; r < static_cast<int>(d.runs().size()); ++r) {
        if (!d.runs()[static_cast<std::size_t>(r)].ok())
            continue;
        if (r == d.baselineRun())
            t.boldRow = static_cast<int>(t.rows.size());
        QStringList cells;
        for (int c : columns)
            cells << PolicyTotalsModel::displayText(d, r, c).trimmed();
        t.rows.push_back(cells);
    }
    return t;
}

Table poolTable(const ScenarioDocument &d)
{
    Table t;
    t.widths = {0.34, 0.3, 0.36};
    t.header << tr("Model") << tr("Energy (mJ)") << tr("Top-5 error (%)");
    for (const Model &m : d.pool().models)
        t.rows.push_back({QString::fromStdString(m.name), QString::fromStdString(plainDecimal(m.energyMj)),
                          QString::number(m.errorPct, 'f', 3)});
    return t;
}

// A figure: the plot drawn as vectors in `rect` above its caption.
void drawFigure(QCPPainter &p, QCustomPlot *plot, const QRectF &rect, const QString &caption, const QFont &font)
{
    if (!plot)
        return;
    QFont f = font;
    f.setPointSizeF(captionPt);
    p.setFont(f);
    const double captionH = p.fontMetrics().height() * 2.4;
    drawPlotInto(p, plot, QRectF(rect.left(), rect.top(), rect.width(), rect.height() - captionH), 8);
    p.setFont(f);
    p.drawText(QRectF(rect.left(), rect.bottom() - captionH, rect.width(), captionH),
               Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, caption);
}

} // namespace

QByteArray renderReportPdf(const ScenarioDocument &document, const ReportFigures &figures)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setResolution(72);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF()));
    pdf.setTitle(tr("CarbonScope report"));
    pdf.setCreator(QStringLiteral("CarbonScope %1").arg(appVersion()));
    QCPPainter p;
    if (!p.begin(&pdf))
        return {};
    p.setMode(QCPPainter::pmVectorized);
    p.setMode(QCPPainter::pmNoCaching);
    p.setMode(QCPPainter::pmNonCosmetic);
    const QRectF page = QRectF(QPointF(0, 0), QPageSize(QPageSize::A4).size(QPageSize::Point).transposed())
                            .adjusted(margin, margin, -margin, -margin);
    if (figures.setOverlaysVisible)
        figures.setOverlaysVisible(false); // no crosshair in the figures (shown again below, before the tables)
    const QFont base = figures.timeline ? figures.timeline->font() : QFont();
    double y = page.top();

    QFont title = base;
    title.setPointSizeF(14);
    title.setBold(true);
    p.setFont(title);
    const QString name = QString::fromStdString(document.scenario().name);
    p.drawText(QRectF(page.left(), y, page.width(), 20), Qt::AlignLeft | Qt::AlignVCenter,
               name.isEmpty() ? tr("CarbonScope: policy comparison")
                              : tr("CarbonScope: policy comparison — %1").arg(name));
    y += 22;
    QFont body = base;
    body.setPointSizeF(bodyPt);
    p.setFont(body);
    const int b = document.baselineRun();
    const QString scope =
        tr("%1. Period: %2. Pool: %3 models. Baseline: %4. Made %5 UTC with CarbonScope %6.")
            .arg(document.description(), periodText(document))
            .arg(document.pool().size())
            .arg(b >= 0 ? QString::fromStdString(document.runs()[static_cast<std::size_t>(b)].label) : tr("none"),
                 QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd hh:mm")), appVersion());
    const QRectF scopeRect = p.boundingRect(QRectF(page.left(), y, page.width(), 200), Qt::TextWordWrap, scope);
    p.drawText(scopeRect, Qt::TextWordWrap, scope);
    y += scopeRect.height() + gap / 2;

    // Two rows: Figures 1 and 2; then Figure 3 beside the totals table over the pool table. The figures get as
    // much room as the page leaves, since their text keeps its size on paper.
    const Table totals = totalsTable(document);
    const Table pool = poolTable(document);
    const double rowH = rowHeight(p);
    const double tablesH = rowH * static_cast<double>(totals.rows.size() + pool.rows.size() + 2) + gap;
    const double secondH = std::max(tablesH, (page.bottom() - y) * 0.45);
    const double firstH = page.bottom() - y - secondH - gap;
    const double w1 = (page.width() - gap) * 0.57;
    drawFigure(p, figures.timeline, QRectF(page.left(), y, w1, firstH),
               tr("Figure 1. Carbon intensity, requests, the model each policy chose and cumulative CO₂ over time."),
               base);
    drawFigure(p, figures.pareto, QRectF(page.left() + w1 + gap, y, page.width() - w1 - gap, firstH),
               tr("Figure 2. CO₂ against error for each policy over the period, with the exact frontier."), base);
    y += firstH + gap;
    const double w3 = figures.daily ? (page.width() - gap) * 0.38 : -gap;
    drawFigure(p, figures.daily, QRectF(page.left(), y, w3, secondH),
               tr("Figure 3. Daily CO₂ of the adaptive policies and the baseline."), base);

    p.setPen(Qt::black);
    if (figures.setOverlaysVisible)
        figures.setOverlaysVisible(true);
    const double tablesX = page.left() + w3 + gap, tablesW = page.right() - tablesX;
    y += drawTable(p, totals, tablesX, y, tablesW, body) + gap;
    drawTable(p, pool, tablesX, y, tablesW * 0.6, body);
    return p.end() ? bytes : QByteArray();
}

} // namespace cs
