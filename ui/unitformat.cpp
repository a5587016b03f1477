#include "unitformat.h"

#include <algorithm>
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
    return QStringLiteral("%1 %2").arg(plainNumber(grams / u.grams)).arg(u.symbol);
}

QString formatCount(double count)
{
    if (std::fabs(count) >= 1e6)
        return QStringLiteral("%1 M").arg(count / 1e6, 0, 'f', 2);
    if (std::fabs(count) >= 1e4)
        return QStringLiteral("%1 k").arg(count / 1e3, 0, 'f', 1);
    return QString::number(count, 'g', 6);
}

QString plainNumber(double value, int significant, int maxDecimals)
{
    if (!std::isfinite(value))
        return std::isnan(value) ? QStringLiteral("—") : value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    // Digits before the point: 1 for |v| < 10, 2 below 100, ...; the rest of the significant digits go after it.
    const int magnitude = value == 0 ? 0 : static_cast<int>(std::floor(std::log10(std::fabs(value))));
    const int decimals = std::clamp(significant - 1 - magnitude, 0, maxDecimals);
    QString text = QString::number(value, 'f', decimals);
    if (text.startsWith(QLatin1Char('-')) && text.toDouble() == 0)
        text.remove(0, 1);
    return text;
}

} // namespace cs
