#include "chartrender.h"

#include "qcp.h"

#include <QBuffer>
#include <QImage>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace cs {

QSize ChartExportOptions::pixelSize() const
{
    return {static_cast<int>(std::lround(sizePt.width() * dpi / 72)),
            static_cast<int>(std::lround(sizePt.height() * dpi / 72))};
}

double smallestFontPt(QCustomPlot *plot)
{
    double smallest = 0;
    const auto consider = [&smallest](const QFont &f) {
        const double pt = f.pointSizeF();
        if (pt > 0 && (smallest == 0 || pt < smallest))
            smallest = pt;
    };
    for (QCPAxisRect *rect : plot->axisRects()) {
        for (QCPAxis *axis : rect->axes()) {
            if (!axis->visible())
                continue;
            if (axis->tickLabels())
                consider(axis->tickLabelFont());
            if (!axis->label().isEmpty())
                consider(axis->labelFont());
        }
    }
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
        if (auto *text = qobject_cast<QCPTextElement *>(plot->plotLayout()->elementAt(i)))
            consider(text->font());
    const QList<QCPLayerable *> layerables = plot->findChildren<QCPLayerable *>();
    for (QCPLayerable *l : layerables) {
        if (!l->visible())
            continue;
        if (auto *legend = qobject_cast<QCPLegend *>(l))
            consider(legend->font());
        else if (auto *text = qobject_cast<QCPItemText *>(l))
            consider(text->font());
        else if (auto *element = qobject_cast<QCPTextElement *>(l))
            consider(element->font());
    }
    if (plot->legend && plot->legend->visible())
        consider(plot->legend->font());
    return smallest;
}

void drawPlotInto(QCPPainter &painter, QCustomPlot *plot, const QRectF &rect, double minFontPt)
{
    const double smallest = smallestFontPt(plot);
    const double scale = smallest > 0 && smallest < minFontPt ? minFontPt / smallest : 1.0;
    painter.save();
    painter.translate(rect.topLeft());
    painter.scale(scale, scale);
    painter.setClipRect(QRectF(0, 0, rect.width() / scale, rect.height() / scale));
    plot->toPainter(&painter, static_cast<int>(rect.width() / scale), static_cast<int>(rect.height() / scale));
    painter.restore();
}

namespace {

constexpr double margin = 6; // points around the title and caption
constexpr double titlePt = 11;
constexpr double captionPt = 8.5;

// Title, plot and caption laid out on a page of `size` points.
bool paintChart(QCPPainter &painter, QCustomPlot *plot, const ChartExportOptions &o)
{
    const QSizeF size = o.sizePt;
    QFont titleFont = plot->font();
    titleFont.setPointSizeF(titlePt);
    titleFont.setBold(true);
    QFont captionFont = plot->font();
    captionFont.setPointSizeF(captionPt);
    double top = 0, bottom = size.height();
    painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
    if (!o.title.isEmpty()) {
        painter.setFont(titleFont);
        const QRectF box = painter.boundingRect(QRectF(margin, margin, size.width() - 2 * margin, size.height()),
                                                Qt::AlignHCenter | Qt::TextWordWrap, o.title);
        painter.drawText(box, Qt::AlignHCenter | Qt::TextWordWrap, o.title);
        top = box.bottom() + margin / 2;
    }
    if (!o.caption.isEmpty()) {
        painter.setFont(captionFont);
        const QRectF probe = painter.boundingRect(QRectF(margin, 0, size.width() - 2 * margin, size.height()),
                                                  Qt::AlignLeft | Qt::TextWordWrap, o.caption);
        const QRectF box(margin, size.height() - margin - probe.height(), size.width() - 2 * margin, probe.height());
        painter.drawText(box, Qt::AlignLeft | Qt::TextWordWrap, o.caption);
        bottom = box.top() - margin / 2;
    }
    if (bottom - top < 40)
        return false; // the text leaves no room for the chart
    drawPlotInto(painter, plot, QRectF(0, top, size.width(), bottom - top), 0);
    return true;
}

// Hides the view's overlays for as long as it lives, so a failed draw cannot leave them hidden.
struct OverlaysHidden
{
    explicit OverlaysHidden(const std::function<void(bool)> &set) : mSet(set)
    {
        if (mSet)
            mSet(false);
    }
    ~OverlaysHidden()
    {
        if (mSet)
            mSet(true);
    }
    const std::function<void(bool)> &mSet;
};

} // namespace

QByteArray renderChart(QCustomPlot *plot, const QString &format, const ChartExportOptions &o)
{
    if (o.sizePt.width() < 36 || o.sizePt.height() < 36 || !(o.dpi >= 36 && o.dpi <= 2400))
        return {};
    const OverlaysHidden hidden(o.setOverlaysVisible);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    bool ok = false;
    QCPPainter painter;
    if (format == QLatin1String("png")) {
        // Laid out in points (the image says 72 dpi while it is drawn, so fonts in points are points) and scaled
        // to the chosen resolution; the PNG then carries that resolution.
        const QSize px = o.pixelSize();
        if (px.width() > 20000 || px.height() > 20000)
            return {};
        QImage image(px, QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(static_cast<int>(std::lround(72 / 0.0254)));
        image.setDotsPerMeterY(static_cast<int>(std::lround(72 / 0.0254)));
        image.fill(Qt::white);
        if (painter.begin(&image)) {
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
            painter.scale(o.dpi / 72, o.dpi / 72);
            ok = paintChart(painter, plot, o);
            ok = painter.end() && ok;
        }
        image.setDotsPerMeterX(static_cast<int>(std::lround(o.dpi / 0.0254)));
        image.setDotsPerMeterY(static_cast<int>(std::lround(o.dpi / 0.0254)));
        ok = ok && image.save(&buffer, "PNG");
    } else if (format == QLatin1String("pdf")) {
        QPdfWriter pdf(&buffer);
        pdf.setCreator(QStringLiteral("CarbonScope"));
        pdf.setTitle(o.title.isEmpty() ? QStringLiteral("CarbonScope chart") : o.title);
        pdf.setResolution(72); // one unit per point
        pdf.setPageLayout(QPageLayout(QPageSize(o.sizePt, QPageSize::Point, QString(), QPageSize::ExactMatch),
                                      QPageLayout::Portrait, QMarginsF()));
        if (painter.begin(&pdf)) {
            painter.setMode(QCPPainter::pmVectorized);
            painter.setMode(QCPPainter::pmNoCaching);
            painter.setMode(QCPPainter::pmNonCosmetic);
            ok = paintChart(painter, plot, o);
            ok = painter.end() && ok;
        }
    } else if (format == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setResolution(72);
        svg.setSize(o.sizePt.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), o.sizePt));
        svg.setTitle(o.title.isEmpty() ? QStringLiteral("CarbonScope chart") : o.title);
        svg.setDescription(o.caption);
        if (painter.begin(&svg)) {
            painter.setMode(QCPPainter::pmVectorized);
            ok = paintChart(painter, plot, o);
            ok = painter.end() && ok;
        }
    }
    buffer.close();
    return ok ? bytes : QByteArray();
}

} // namespace cs
