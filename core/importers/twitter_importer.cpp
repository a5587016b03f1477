#include "twitter_importer.h"

#include "import_context.h"
#include "line_reader.h"
#include "request_binner.h"

#include <cstring>

namespace cs {

namespace {

constexpr int fieldCount = 7;
const char *layout = "timestamp,key,key size,value size,client id,operation,TTL";

bool allDigits(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

// Splits at commas into exactly `fieldCount` views; returns how many fields the line has.
int split(std::string_view line, std::string_view *fields, int *columns)
{
    int n = 0;
    std::size_t pos = 0;
    for (;;) {
        const void *hit = std::memchr(line.data() + pos, ',', line.size() - pos);
        const std::size_t end = hit ? static_cast<std::size_t>(static_cast<const char *>(hit) - line.data())
                                    : line.size();
        if (n < fieldCount) {
            fields[n] = line.substr(pos, end - pos);
            columns[n] = static_cast<int>(pos) + 1;
        }
        ++n;
        if (!hit)
            return n;
        pos = end + 1;
    }
}

} // namespace

int TwitterImporter::detect(std::string_view head, const std::string &) const
{
    const std::size_t nl = head.find('\n');
    std::string_view line = head.substr(0, nl);
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    std::string_view f[fieldCount];
    int c[fieldCount];
    if (split(line, f, c) != fieldCount)
        return 0;
    const bool ok = allDigits(f[0]) && allDigits(f[2]) && allDigits(f[3]) && allDigits(f[4]) && allDigits(f[6])
                    && !f[5].empty();
    return ok ? 95 : 0;
}

void TwitterImporter::run(ImportContext &context) const
{
    const ImportOptions &o = context.options();
    if (!o.start)
        throw InputError(context.displayName() + ": Twitter cache traces count seconds from their start: "
                                                  "pass --start ISO_TIME (the trace's first instant, UTC)");
    SeriesMeta meta;
    meta.unit = "requests";
    meta.source = "Twitter cache trace";
    meta.intervalSeconds = o.intervalSeconds > 0 ? o.intervalSeconds : 60;
    meta.provenance = context.displayName() + " (twitter, start " + formatUtcTime(*o.start)
                      + (o.operation.empty() ? "" : ", operation " + o.operation)
                      + (o.client ? ", client " + std::to_string(*o.client) : "") + ")";
    auto writer = context.newSeries(meta);
    RequestBinner binner(*writer, meta.intervalSeconds);
    LineReader lines(context.source());
    ImportResult &result = context.result();

    const std::string clientText = o.client ? std::to_string(*o.client) : std::string();
    std::string_view line;
    std::string_view f[fieldCount];
    int col[fieldCount];
    long long lastTime = -1, lastLine = 0, count = 0;
    unsigned sinceProgress = 0;
    while (lines.next(line)) {
        if (++sinceProgress == 65536) {
            sinceProgress = 0;
            context.progress();
        }
        const long long n = lines.lineNumber();
        if (line.empty())
            continue;
        ++result.rows;
        const int fields = split(line, f, col);
        if (fields != fieldCount) {
            if (fields < fieldCount)
                context.badRow(n, static_cast<int>(line.size()) + 1,
                               std::string(lines.lastLineUnterminated() && fields > 1 ? "truncated line (the file "
                                                                                         "ends inside it): "
                                                                                       : "truncated line: ")
                                   + "expected 7 fields (" + layout + "), got " + std::to_string(fields));
            else
                context.badRow(n, col[fieldCount - 1] + static_cast<int>(f[fieldCount - 1].size()),
                               "expected 7 fields (" + std::string(layout) + "), got " + std::to_string(fields));
            continue;
        }
        // The timestamp: digits only, seconds from the start.
        long long ts = 0;
        bool good = !f[0].empty() && f[0].size() <= 12;
        for (char c : f[0]) {
            if (c < '0' || c > '9') {
                good = false;
                break;
            }
            ts = ts * 10 + (c - '0');
        }
        if (!good) {
            context.badRow(n, 1, "expected the timestamp (whole seconds from the trace start), got \""
                                     + std::string(f[0]) + "\"");
            continue;
        }
        static const char *names[fieldCount] = {"", "", "key size", "value size", "client id", "", "TTL"};
        int bad = -1;
        for (int i : {2, 3, 4, 6})
            if (!allDigits(f[i])) {
                bad = i;
                break;
            }
        if (bad >= 0) {
            context.badRow(n, col[bad], std::string("expected the ") + names[bad] + " (a whole number), got \""
                                            + std::string(f[bad]) + "\"");
            continue;
        }
        if (f[5].empty()) {
            context.badRow(n, col[5], "expected the operation (get, set, ...), got nothing");
            continue;
        }
        if (ts < lastTime) {
            context.badRow(n, 1, "time goes backwards: " + std::to_string(ts) + " s after " + std::to_string(lastTime)
                                     + " s (line " + std::to_string(lastLine) + ")");
            continue;
        }
        lastTime = ts;
        lastLine = n;
        if ((!o.operation.empty() && f[5] != o.operation)
            || (o.client && clientText != f[4])) {
            ++result.filteredRows;
            continue;
        }
        binner.add(*o.start + ts);
        ++count;
    }
    context.progress();
    if (result.rows == 0)
        context.fail(1, 1, std::string("empty file: expected Twitter cache-trace lines (") + layout + ")");
    if (count == 0)
        throw InputError(context.displayName() + ": no request is left after the operation/client filter");
    binner.finish();
    context.finish(*writer);
}

} // namespace cs
