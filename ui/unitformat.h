#pragma once

#include <QString>

namespace cs {

// A mass unit that keeps the numbers of a CO2 axis or column short.
struct MassUnit
{
    double grams;
    QString symbol;
};
MassUnit massUnitFor(double maxGrams);

// "1.23 kg", "512 g", "3.4 t": a CO2 mass for text.
QString formatMass(double grams);
// "3.01 M", "12.5 k", "840": a request count for text.
QString formatCount(double count);

// A number with about `significant` significant digits in plain decimal notation, never "1e-05": at most
// `maxDecimals` decimals, so that what is smaller than that shows as 0 (or -0 becomes 0).
QString plainNumber(double value, int significant = 4, int maxDecimals = 6);

} // namespace cs
