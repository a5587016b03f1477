#include "unitformat.h"

#include <cmath>

namespace cs {

MassUnit massUnitFor(double maxGrams)
{
    if (maxGrams >= 1e6)
        return {1e6, QStringLiteral("t")};
    if (maxGrams >= 1e3)
        return {1e3, QStringLiteral("kg")};
    return {1.0, QStringLiteral("g")};
}

QString formatMass(double grams)
{
    const MassUnit u = massUnitFor(std::fabs(grams));
    return QStringLiteral("%1 %2").arg(grams / u.grams, 0, 'g', 4).arg(u.symbol);
}

QString formatCount(double count)
{
    if (std::fabs(count) >= 1e6)
        return QStringLiteral("%1 M").arg(count / 1e6, 0, 'f', 2);
    if (std::fabs(count) >= 1e4)
        return QStringLiteral("%1 k").arg(count / 1e3, 0, 'f', 1);
    return QString::number(count, 'g', 6);
}

} // namespace cs
