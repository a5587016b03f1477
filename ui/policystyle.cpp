#include "policystyle.h"

#include <array>

namespace cs {

QColor policyColor(int index)
{
    // Tableau 10, which stays distinguishable for the common colour-vision deficiencies.
    static const std::array<QColor, 10> palette{
        QColor(0x4e79a7), QColor(0xf28e2b), QColor(0xe15759), QColor(0x76b7b2), QColor(0x59a14f),
        QColor(0xedc948), QColor(0xb07aa1), QColor(0xff9da7), QColor(0x9c755f), QColor(0xbab0ac)};
    return palette[static_cast<std::size_t>(index) % palette.size()];
}

QPen policyPen(int index, const std::string &spec)
{
    // Solid pens only: Qt's raster engine strokes a dashed polyline of thousands of points about 50 times slower,
    // which alone broke the 50 ms redraw goal on a one-year scenario (bench/gui).
    const bool single = spec.rfind("model:", 0) == 0;
    QColor c = policyColor(index);
    if (single)
        c.setAlpha(190);
    QPen pen(c);
    pen.setWidthF(single ? 1.0 : 2.0); // 1 px lines take Qt's fast path
    return pen;
}

} // namespace cs
