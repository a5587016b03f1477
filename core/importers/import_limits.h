#pragma once

#include "number_checks.h"

#include <cstddef>

namespace cs::importlimits {

// What any one input may make the importers hold or read, so that memory stays bounded (under 100 MB of peak RSS)
// for any file, a decompression bomb included. Each limit is refused with a message naming the file and the
// place (line:column) or the ratio. The limits that a user may need to move are ImportOptions fields instead.

// One line of text (CSV, TSV, Twitter): longer is "line longer than N bytes".
inline constexpr std::size_t maxLineBytes = limits::maxLineBytes;
// Fields of one CSV record, counted as the commas, semicolons or tabs of its line (the delimiter may not be known
// yet): more is refused. Also bounds the header (and the column list an error message quotes).
inline constexpr std::size_t maxFieldsPerRow = limits::maxFieldsPerRow;

// JSON: one string (or key) or number token; nlohmann's lexer holds the whole token while reading it.
inline constexpr std::size_t maxJsonTokenBytes = std::size_t(1) << 20;
// JSON: nesting of arrays and objects anywhere in the document, skipped values included (the parser keeps a bit
// per level, and the skip depth must not overflow). A value an importer collects may nest 256 deep (json_stream).
inline constexpr std::size_t maxJsonDepth = 1'000'000;
// JSON: the memory one collected value (a point, a period, a response's "meta") may take, as counted while it is
// built (each value node, string and key; an importer holds at most a few such values at once).
inline constexpr std::size_t maxCollectedJsonBytes = std::size_t(4) << 20;
// UK CI: distinct regions in one file (the API has 18).
inline constexpr std::size_t maxUkciRegions = 1'000;
// UK CI: a region's id and short name together (they are kept for every region, and name its series).
inline constexpr std::size_t maxUkciRegionNameBytes = 256;
// WattTime read from a pipe: points held (16 bytes each) until "meta", which comes after "data", arrives.
inline constexpr std::size_t maxHeldWattTimePoints = 1'000'000;

// Decompressed input: a zstd frame may not ask for a window larger than 2^25 bytes (32 MiB; zstd's levels up to
// 19 use at most 8 MiB, --long and --ultra more).
inline constexpr int maxZstdWindowLog = 25;
// Decompressed bytes that are always allowed before the ratio (ImportOptions::maxDecompressionRatio) is checked:
// a small file of very repetitive text may compress far better than a big one.
inline constexpr unsigned long long decompressionRatioGraceBytes = 64ull << 20;

// Values: the documented ranges (core/number_checks.h), refused at the value's place as it is read: a carbon
// intensity above 10,000 (in the series' unit), a request count per interval above 10^15 (still an exact
// integer in a double).
inline constexpr double maxIntensity = limits::maxIntensity;
inline constexpr double maxRequestCount = limits::maxRequestsPerInterval;

// Error messages quote at most this many characters of the offending field, then "…".
inline constexpr std::size_t maxQuotedChars = 40;

} // namespace cs::importlimits
