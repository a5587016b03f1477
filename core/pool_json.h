#pragma once

#include "model_pool.h"

#include <string>

namespace cs {

// A pool as JSON: {"name": "...", "models": [{"name", "energy_mj", "error_pct", "latency_ms"?,
// "throughput_per_s"?, "source"?}]}. Reading validates and throws ParseError/InputError naming the problem.
ModelPool readPoolJson(const std::string &path);
ModelPool parsePoolJson(const std::string &text, const std::string &displayName);
std::string poolToJson(const ModelPool &pool);
// Written atomically (io/atomic_file.h): on failure the old file is untouched and OutputError names the OS error.
void writePoolJson(const ModelPool &pool, const std::string &path);

// "paper", "resnets" or a JSON file's path.
ModelPool loadPool(const std::string &nameOrPath);

} // namespace cs
