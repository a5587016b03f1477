#pragma once

#include <QByteArray>
#include <QSizeF>
#include <QString>

#include <functional>

class QCustomPlot;
class QCPPainter;
class QRectF;

namespace cs {

// How a chart is written for a report: its physical size, the PNG's resolution, a title above and a caption
// below (either may be empty), and what hides the view's overlays (crosshair, tracer) while it is drawn.
struct ChartExportOptions
{
    QSizeF sizePt{453.5, 283.5}; // points (1/72 inch); 160 x 100 mm
    double dpi = 300;            // PNG pixels per inch; PDF and SVG stay vector
    QString title;
    QString caption;
    std::function<void(bool)> setOverlaysVisible; // called with false before drawing and true after

    QSize pixelSize() const; // the PNG's size: points x dpi / 72
};

constexpr double pointsPerMm = 72.0 / 25.4;

// Draws `plot` into `rect` (in the painter's units, taken as points) with its text at least `minFontPt` on paper:
// where the plot's smallest font is smaller, the plot is laid out on a smaller canvas and scaled up.
void drawPlotInto(QCPPainter &painter, QCustomPlot *plot, const QRectF &rect, double minFontPt = 8);

// The chart as PNG, PDF or SVG bytes (by `format`), empty where it could not be drawn.
QByteArray renderChart(QCustomPlot *plot, const QString &format, const ChartExportOptions &options);

// The smallest font of the plot's axes, legends and text, in points (0 where it has no text).
double smallestFontPt(QCustomPlot *plot);

} // namespace cs
