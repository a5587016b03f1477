#pragma once

#include "qcp.h"

#include <QColor>
#include <QPen>

#include <string>

namespace cs {

// How one policy is drawn in every plot and export. A policy keeps a style slot for as long as it is compared
// (PolicyEntry::styleSlot), so its look does not move when the pool or the other policies change. Slot k takes the
// k mod 8-th colour of the Okabe-Ito palette (safe for the common colour-vision deficiencies); every further round
// of eight adds a dash pattern and a marker, so no two of 48 policies share (colour, dash, marker).
struct PolicyStyle
{
    QColor colour;
    Qt::PenStyle dash = Qt::SolidLine;
    QCPScatterStyle::ScatterShape marker = QCPScatterStyle::ssNone;

    bool operator==(const PolicyStyle &) const = default;
};

constexpr int PaletteSize = 8;
constexpr int StyleVariants = 6;

// The palette's colour of a slot; `dark` lifts the palette's black for a dark plot background.
QColor paletteColour(int slot, bool dark = false);
PolicyStyle styleForSlot(int slot, bool dark = false);
// `colour` (a "#rrggbb" the user chose; empty: the palette's) over the slot's style.
PolicyStyle policyStyle(int slot, const std::string &colour, bool dark = false);

// Single-model baselines are thin and a little transparent, adaptive policies solid and wider.
QPen policyPen(const PolicyStyle &style, bool singleModel);
QCPScatterStyle policyMarker(const PolicyStyle &style, double size = 7);

} // namespace cs
