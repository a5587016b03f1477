#include "twitter_importer.h"

#include "import_context.h"
#include "line_reader.h"
#include "request_binner.h"

#include <cstdint>
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

// The first ',' or '\n' from p (or end), eight bytes at a time: a byte equal to c makes (w ^ c...c) hold a zero
// byte, and (x - 0x01..01) & ~x & 0x80..80 marks the lowest zero byte exactly (little-endian, lowest bit first).
inline const char *commaOrNewline(const char *p, const char *end)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    constexpr std::uint64_t commas = ones * ',';
    constexpr std::uint64_t newlines = ones * '\n';
    while (end - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        const std::uint64_t a = w ^ commas;
        const std::uint64_t b = w ^ newlines;
        const std::uint64_t hit = ((a - ones) & ~a & highs) | ((b - ones) & ~b & highs);
        if (hit)
            return p + (__builtin_ctzll(hit) >> 3);
        p += 8;
    }
    while (p < end && *p != ',' && *p != '\n')
        ++p;
    return p;
}

// The same over the raw buffer, without finding the line's end first: parses from `p` and returns the position of
// the '\n' that ends a well-formed line, or nullptr (then the caller finds the line and takes the slow path).
// The buffer holds whole lines only, so every scan stops at a '\n' before `end`.
inline const char *fastRecord(const char *p, const char *end, long long &ts, std::string_view &client,
                              std::string_view &op)
{
    auto digits = [&](long long *value) {
        const char *first = p;
        long long v = 0;
        while (p < end && static_cast<unsigned char>(*p - '0') < 10) {
            if (p - first < 12)
                v = v * 10 + (*p - '0');
            ++p;
        }
        if (value)
            *value = v;
        return p != first && p - first <= 12;
    };
    auto comma = [&] { return p < end && *p++ == ','; };
    if (!digits(&ts) || !comma())
        return nullptr;
    p = commaOrNewline(p, end); // the key
    if (!comma() || !digits(nullptr) || !comma() || !digits(nullptr) || !comma())
        return nullptr;
    const char *c = p;
    if (!digits(nullptr))
        return nullptr;
    client = std::string_view(c, static_cast<std::size_t>(p - c));
    if (!comma())
        return nullptr;
    const char *o = p;
    p = commaOrNewline(p, end);
    op = std::string_view(o, static_cast<std::size_t>(p - o));
    if (op.empty() || !comma() || !digits(nullptr))
        return nullptr;
    if (p < end && *p == '\r')
        ++p;
    return p < end && *p == '\n' ? p : nullptr;
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
    RequestBinner binner(*writer, meta.intervalSeconds, o.maxEmptyIntervals);
    LineReader lines(context.source());
    ImportResult &result = context.result();

    const std::string clientText = o.client ? std::to_string(*o.client) : std::string();
    const bool filtered = !o.operation.empty() || o.client.has_value();
    std::string_view f[fieldCount];
    int col[fieldCount];
    long long lastTime = -1, lastLine = 0, count = 0, rows = 0;
    // Requests of the current second, handed to the binner when the second changes (once per second, not per
    // line: the binner's division stays out of the hot loop).
    long long second = -1, inSecond = 0;

    // A line known to be well formed: order, filter, count.
    auto take = [&](long long ts, std::string_view client, std::string_view op, long long n) {
        if (ts < lastTime) {
            context.badRow(n, 1, "time goes backwards: " + std::to_string(ts) + " s after " + std::to_string(lastTime)
                                     + " s (line " + std::to_string(lastLine) + ")");
            return;
        }
        if (ts != lastTime) {
            lastTime = ts;
            lastLine = n;
        }
        if (filtered && ((!o.operation.empty() && op != o.operation) || (o.client && clientText != client))) {
            ++result.filteredRows;
            return;
        }
        if (ts != second) {
            if (inSecond > 0)
                binner.add(*o.start + second, static_cast<double>(inSecond));
            second = ts;
            inSecond = 0;
        }
        ++inSecond;
        ++count;
    };

    // Any line: the fast check, else the slow path that says exactly what is wrong.
    auto handle = [&](std::string_view line, long long n, bool unterminated) {
        if (line.empty())
            return;
        ++rows;
        long long ts = 0;
        if (fastLine(line, ts, f[4], f[5])) {
            take(ts, f[4], f[5], n);
            return;
        }
        const int fields = split(line, f, col);
        if (fields != fieldCount) {
            if (fields < fieldCount)
                context.badRow(n, static_cast<int>(line.size()) + 1,
                               std::string(unterminated && fields > 1 ? "truncated line (the file ends inside it): "
                                                                      : "truncated line: ")
                                   + "expected 7 fields (" + layout + "), got " + std::to_string(fields));
            else
                context.badRow(n, col[fieldCount - 1] + static_cast<int>(f[fieldCount - 1].size()),
                               "expected 7 fields (" + std::string(layout) + "), got " + std::to_string(fields));
            return;
        }
        // From zero again: the fast path may have read part of the line into ts before it gave up.
        ts = 0;
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
            return;
        }
        static const char *names[fieldCount] = {"", "", "key size", "value size", "client id", "", "TTL"};
        for (int i : {2, 3, 4, 6})
            if (!allDigits(f[i])) {
                context.badRow(n, col[i], std::string("expected the ") + names[i] + " (a whole number), got \""
                                              + std::string(f[i]) + "\"");
                return;
            }
        if (f[5].empty()) {
            context.badRow(n, col[5], "expected the operation (get, set, ...), got nothing");
            return;
        }
        take(ts, f[4], f[5], n);
    };

    // The hot loop runs over the buffer's whole lines in place; the last line without a newline goes through
    // LineReader::next like any other.
    for (;;) {
        const std::string_view window = lines.bufferedLines();
        if (window.empty()) {
            if (!lines.fillMore())
                break;
            continue;
        }
        const char *p = window.data();
        const char *const end = p + window.size();
        long long n = lines.lineNumber();
        std::string_view client, op;
        while (p < end) {
            ++n;
            long long ts = 0;
            if (const char *nl = fastRecord(p, end, ts, client, op)) {
                ++rows;
                take(ts, client, op, n);
                p = nl + 1;
                continue;
            }
            const auto *nl = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            std::string_view line(p, static_cast<std::size_t>(nl - p));
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            handle(line, n, false);
            p = nl + 1;
        }
        lines.consume(window.size(), n - lines.lineNumber());
        context.progress();
    }
    std::string_view line;
    while (lines.next(line))
        handle(line, lines.lineNumber(), lines.lastLineUnterminated());
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
