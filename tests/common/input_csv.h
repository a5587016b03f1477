#pragma once

// A trace read through the generic CSV importer (readTraceFile with --format csv), from a file or from text named
// as a file, at most maxTraceRows rows: what the CSV tests of tests/importers and tests/core read with.

#include "trace_file.h"

#include <string>

namespace cs::test {

inline TimeSeries csvFile(const std::string &path, SeriesKind kind = SeriesKind::Carbon, const std::string &column = {})
{
    return readTraceFile(path, {.kind = kind, .format = "csv", .column = column, .maxPoints = maxTraceRows}).series;
}

inline TimeSeries csvText(const std::string &text, const std::string &name, SeriesKind kind = SeriesKind::Carbon,
                          const std::string &column = {})
{
    return readTraceText(text, name, {.kind = kind, .column = column, .maxPoints = maxTraceRows}).series;
}

} // namespace cs::test
