#include "plottheme.h"

namespace cs {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor plotTextColour(const QPalette &palette)
{
    return palette.color(QPalette::WindowText);
}

void applyPlotTheme(QCustomPlot *plot, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    const QColor text = plotTextColour(palette);
    const QColor background = dark ? palette.color(QPalette::Base) : QColor(Qt::white);
    const QColor grid = dark ? QColor(255, 255, 255, 40) : QColor(0, 0, 0, 30);
    plot->setBackground(background);
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
        QCPLayoutElement *element = plot->plotLayout()->elementAt(i);
        if (auto *rect = qobject_cast<QCPAxisRect *>(element)) {
            for (QCPAxis *axis : rect->axes()) {
                axis->setBasePen(QPen(text));
                axis->setTickPen(QPen(text));
                axis->setSubTickPen(QPen(text));
                axis->setTickLabelColor(text);
                axis->setLabelColor(text);
                axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
            }
            for (QCPLayoutElement *inset : rect->insetLayout()->elements(false)) {
                if (auto *legend = qobject_cast<QCPLegend *>(inset)) {
                    legend->setTextColor(text);
                    QColor fill = background;
                    fill.setAlpha(215);
                    legend->setBrush(fill);
                    legend->setBorderPen(QPen(text));
                }
            }
        } else if (auto *legend = qobject_cast<QCPLegend *>(element)) {
            legend->setTextColor(text);
        } else if (auto *title = qobject_cast<QCPTextElement *>(element)) {
            title->setTextColor(text);
        }
    }
}

} // namespace cs
