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
    QPen pen(policyColor(index));
    const bool single = spec.rfind("model:", 0) == 0;
    pen.setWidthF(single ? 1.2 : 2.2);
    if (single)
        pen.setStyle(Qt::DashLine);
    return pen;
}

} // namespace cs
