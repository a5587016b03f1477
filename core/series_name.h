#pragma once

#include <cstddef>
#include <string>

namespace cs {

// A name a user can read for a series read from `path`'s column `column`: the file's stem ("trace.csv.gz" ->
// "trace") where the column name says nothing by itself ("y", "value", "actual", "intensity", "count", ...),
// "stem: column" otherwise, and at most maxChars characters (UTF-8 aware), cut with "…" at a word boundary
// where one is near ("analysis + synthetic_twitter_268MB + …"). An empty path gives the column alone.
std::string readableSeriesName(const std::string &path, const std::string &column, std::size_t maxChars = 40);

} // namespace cs
