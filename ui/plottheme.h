#pragma once

#include "qcp.h"

#include <QPalette>

namespace cs {

// Plots follow the system palette: a dark window gets a dark plot (background, axes, grid, text and legend), a
// light one the usual white. Call on creation and on QEvent::PaletteChange.
bool isDarkPalette(const QPalette &palette);
void applyPlotTheme(QCustomPlot *plot, const QPalette &palette);
// Text colour for plot items (labels, legends) under the palette.
QColor plotTextColour(const QPalette &palette);

} // namespace cs
