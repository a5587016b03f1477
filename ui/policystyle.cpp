#include "policystyle.h"

#include <array>

namespace cs {

namespace {

struct Variant
{
    Qt::PenStyle dash;
    QCPScatterStyle::ScatterShape marker;
};

// Round 0 is plain; each later round of eight slots changes both dash and marker, so two slots of one colour
// never share either.
constexpr std::array<Variant, StyleVariants> Variants{{
    {Qt::SolidLine, QCPScatterStyle::ssNone},
    {Qt::DashLine, QCPScatterStyle::ssCircle},
    {Qt::DotLine, QCPScatterStyle::ssSquare},
    {Qt::DashDotLine, QCPScatterStyle::ssTriangle},
    {Qt::DashDotDotLine, QCPScatterStyle::ssDiamond},
    {Qt::SolidLine, QCPScatterStyle::ssCross},
}};

std::size_t wrap(int value, std::size_t n)
{
    const auto m = static_cast<int>(n);
    return static_cast<std::size_t>(((value % m) + m) % m);
}

} // namespace

QColor paletteColour(int slot, bool dark)
{
    // Okabe & Ito (2008), ordered so that the first policies (the heuristic's two readings) get the most
    // distinct pair, blue and vermillion; yellow, the weakest on white, comes last.
    static const std::array<QColor, PaletteSize> palette{
        QColor(0x0072b2), QColor(0xd55e00), QColor(0x009e73), QColor(0xcc79a7),
        QColor(0xe69f00), QColor(0x56b4e9), QColor(Qt::black), QColor(0xf0e442)};
    const QColor c = palette[wrap(slot, palette.size())];
    return dark && c == QColor(Qt::black) ? QColor(0xd0d0d0) : c;
}

PolicyStyle styleForSlot(int slot, bool dark)
{
    const Variant &v = Variants[wrap(slot / PaletteSize, Variants.size())];
    return {paletteColour(slot, dark), v.dash, v.marker};
}

PolicyStyle policyStyle(int slot, const std::string &colour, bool dark)
{
    PolicyStyle style = styleForSlot(slot, dark);
    const QColor chosen(QString::fromStdString(colour));
    if (!colour.empty() && chosen.isValid())
        style.colour = chosen;
    return style;
}

QPen policyPen(const PolicyStyle &style, bool singleModel)
{
    // Solid pens where the palette suffices: Qt's raster engine strokes a long dashed polyline far slower (the
    // envelopes keep a dashed series to about two points per pixel, which bench/gui measures).
    QColor c = style.colour;
    if (singleModel)
        c.setAlpha(190);
    QPen pen(c);
    pen.setWidthF(singleModel ? 1.0 : 2.0); // 1 px lines take Qt's fast path
    pen.setStyle(style.dash);
    return pen;
}

QCPScatterStyle policyMarker(const PolicyStyle &style, double size)
{
    return QCPScatterStyle(style.marker, style.colour, style.colour.lighter(150), size);
}

} // namespace cs
