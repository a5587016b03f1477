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

// The hot path: one pass over a well-formed line, digits checked as they are read. Returns false for anything
// unusual (the caller's slow path then names the problem). Hands back the timestamp, client and operation.
inline bool fastLine(std::string_view line, long long &ts, std::string_view &client, std::string_view &op)
{
    const char *p = line.data();
    const char *const end = p + line.size();
    auto digits = [&](long long *value) {
        const char *first = p;
        long long v = 0;
        while (p < end && static_cast<unsigned char>(*p - '0') < 10) {
            if (p - first < 12) // more digits fail below; no overflow meanwhile
                v = v * 10 + (*p - '0');
            ++p;
        }
        if (value)
            *value = v;
        return p != first && p - first <= 12;
    };
    auto comma = [&] { return p < end && *p++ == ','; };
    if (!digits(&ts) || !comma())
        return false;
    while (p < end && *p != ',') // the key
        ++p;
    if (!comma() || !digits(nullptr) || !comma() || !digits(nullptr) || !comma())
        return false;
    const char *c = p;
    if (!digits(nullptr))
        return false;
    client = std::string_view(c, static_cast<std::size_t>(p - c));
    if (!comma())
        return false;
    const char *o = p;
    while (p < end && *p != ',')
        ++p;
    op = std::string_view(o, static_cast<std::size_t>(p - o));
    if (op.empty() || !comma() || !digits(nullptr))
        return false;
    return p == end;
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
    const bool filtered = !o.operation.empty() || o.client.has_value();
    std::string_view line;
    std::string_view f[fieldCount];
    int col[fieldCount];
    long long lastTime = -1, lastLine = 0, count = 0, rows = 0;
    // Requests of the current second, handed to the binner when the second changes (once per second, not per
    // line: the binner's division stays out of the hot loop).
    long long second = -1, inSecond = 0;
    unsigned sinceProgress = 0;
    while (lines.next(line)) {
        if (++sinceProgress == 65536) {
            sinceProgress = 0;
            context.progress();
        }
        if (line.empty())
            continue;
        ++rows;
        long long ts = 0;
        if (!fastLine(line, ts, f[4], f[5])) {
            // The slow path says exactly what is wrong (or takes the line where the fast path was too strict).
            const long long n = lines.lineNumber();
            const int fields = split(line, f, col);
            if (fields != fieldCount) {
                if (fields < fieldCount)
                    context.badRow(n, static_cast<int>(line.size()) + 1,
                                   std::string(lines.lastLineUnterminated() && fields > 1
                                                   ? "truncated line (the file ends inside it): "
                                                   : "truncated line: ")
                                       + "expected 7 fields (" + layout + "), got " + std::to_string(fields));
                else
                    context.badRow(n, col[fieldCount - 1] + static_cast<int>(f[fieldCount - 1].size()),
                                   "expected 7 fields (" + std::string(layout) + "), got " + std::to_string(fields));
                continue;
            }
            bool good = !f[0].empty() && f[0].size() <= 12;
            for (char c : f[0]) {
                if (!good || c < '0' || c > '9') {
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
        }
        if (ts < lastTime) {
            context.badRow(lines.lineNumber(), 1, "time goes backwards: " + std::to_string(ts) + " s after "
                                                      + std::to_string(lastTime) + " s (line "
                                                      + std::to_string(lastLine) + ")");
            continue;
        }
        if (ts != lastTime) {
            lastTime = ts;
            lastLine = lines.lineNumber();
        }
        if (filtered && ((!o.operation.empty() && f[5] != o.operation) || (o.client && clientText != f[4]))) {
            ++result.filteredRows;
            continue;
        }
        if (ts != second) {
            if (inSecond > 0)
                binner.add(*o.start + second, static_cast<double>(inSecond));
            second = ts;
            inSecond = 0;
        }
        ++inSecond;
        ++count;
    }
    if (inSecond > 0)
        binner.add(*o.start + second, static_cast<double>(inSecond));
    result.rows += rows;
    context.progress();
    if (result.rows == 0)
        context.fail(1, 1, std::string("empty file: expected Twitter cache-trace lines (") + layout + ")");
    if (count == 0)
        throw InputError(context.displayName() + ": no request is left after the operation/client filter");
    binner.finish();
    context.finish(*writer);
}

} // namespace cs
