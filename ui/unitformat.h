#pragma once

#include <QString>

namespace cs {

// A mass unit that keeps the numbers of a CO2 axis short.
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

} // namespace cs
