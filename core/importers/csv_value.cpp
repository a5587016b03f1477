#include "csv_value.h"

#include "csv_reader.h"
#include "import_context.h"
#include "import_limits.h"
#include "import_text.h"

#include <algorithm>

namespace cs {

CsvValueKind carbonIntensityValue(const std::string &unit)
{
    return {"carbon intensity", unit, importlimits::maxIntensity, true};
}

CsvValueKind requestCountValue()
{
    return {"request count", "requests", importlimits::maxRequestCount, false};
}

bool readCsvValue(ImportContext &context, const CsvReader &reader, std::size_t column, const std::string &columnName,
                  const CsvValueKind &kind, std::optional<double> &out)
{
    const std::string_view field = reader.field(column);
    const int at = reader.column(column);
    // Built only for a message: this runs once a row.
    auto inColumn = [&] { return " in column '" + columnName + "'"; };
    out.reset();
    if (field.find_first_not_of(" \t") == std::string_view::npos && kind.emptyIsGap)
        return true;
    const auto value = importtext::number(field); // finite only: "inf" and "nan" are not numbers here
    if (!value) {
        context.badRow(reader.line(), at, "expected a number, got " + importtext::quoted(field) + " for the "
                                              + kind.what + inColumn());
        return false;
    }
    // A field that reads as a number is digits, sign, point and exponent: shown as written, cut at 40 characters.
    auto written = [&] {
        const std::size_t from = field.find_first_not_of(" \t"), to = field.find_last_not_of(" \t");
        return std::string(field.substr(from, std::min(to - from + 1, importlimits::maxQuotedChars)));
    };
    if (*value < 0) {
        context.badRow(reader.line(), at, "negative " + kind.what + " " + written() + inColumn());
        return false;
    }
    if (*value > kind.largest) {
        context.badRow(reader.line(), at, kind.what + " " + written() + inColumn() + " is above the largest allowed, "
                                              + importtext::numberText(kind.largest) + " " + kind.unit);
        return false;
    }
    out = value;
    return true;
}

} // namespace cs
