#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace cs {

class CsvReader;
class ImportContext;

// What a generic CSV's value column holds, for reading it and for saying what is wrong with a field.
struct CsvValueKind
{
    std::string what;   // "carbon intensity", "request count"
    std::string unit;   // the series' unit, for the range message
    double largest;     // the documented range is 0..largest (number_checks.h)
    bool emptyIsGap;    // an empty field is a missing point; otherwise it is a bad row
};

CsvValueKind carbonIntensityValue(const std::string &unit);
CsvValueKind requestCountValue();

// Reads field `column` (named `columnName`) of the reader's current row into `out`: a finite number from 0 to
// kind.largest, or nothing where the field is empty and that is a gap. Anything else is a bad row at the field,
// naming the column and what it holds (thrown, or counted where bad rows are skipped): false then.
bool readCsvValue(ImportContext &context, const CsvReader &reader, std::size_t column, const std::string &columnName,
                  const CsvValueKind &kind, std::optional<double> &out);

} // namespace cs
