#pragma once

#include "importer.h"

namespace cs {

// Twitter's cache traces (twitter/cache-trace), one request per line, no header:
// timestamp,anonymized key,key size,value size,client id,operation,TTL
// The timestamp counts seconds from the trace's start, so --start must anchor it. Lines are counted per
// interval while streaming (plain, .zst or .gz), optionally only one operation and/or one client.
// This is the hot path of bench_import: a hand-written scanner over the line, no per-field allocation.
class TwitterImporter : public Importer
{
public:
    std::string format() const override { return "twitter"; }
    SeriesKind kind() const override { return SeriesKind::Requests; }
    int detect(std::string_view head, const std::string &fileName) const override;
    void run(ImportContext &context) const override;
};

} // namespace cs
