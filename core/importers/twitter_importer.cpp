#include "importers.h"

#include "import_context.h"
#include "import_limits.h"
#include "import_text.h"
#include "line_reader.h"
#include "request_binner.h"
#include "twitter_fast_path.h"

#include <cstring>
#include <limits>

namespace cs {

static_assert(LineReader::padding >= TwitterFastPath::padding, "the fast path reads past the buffered lines");

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
    RequestBinner binner(*writer, meta.intervalSeconds, o.maxEmptyIntervals);
    LineReader lines(context.source());
    ImportResult &result = context.result();

    const std::string clientText = o.client ? std::to_string(*o.client) : std::string();
    const bool filtered = !o.operation.empty() || o.client.has_value();
    std::string_view f[fieldCount];
    int col[fieldCount];
    long long lastTime = -1, lastLine = 0, count = 0, rows = 0;
    // Requests of the current bin (times from the trace start below binLimit), handed to the binner when a
    // later bin starts: one call per bin, however many seconds or lines it holds.
    long long binLimit = std::numeric_limits<long long>::min(), inBin = 0;
    UtcSeconds binTime = 0;

    TwitterFastPath fast;
    // A line known to be well formed: order, filter, count. A new second's text is what fast.parse() recognises
    // without reading its digits again (unfiltered, fast.countRun() takes the rest of the bin's lines).
    auto take = [&](long long ts, std::string_view tsText, std::string_view client, std::string_view op, long long n) {
        if (ts < lastTime) {
            context.badRow(n, 1, "time goes backwards: " + std::to_string(ts) + " s after " + std::to_string(lastTime)
                                     + " s (line " + std::to_string(lastLine) + ")");
            return;
        }
        if (ts != lastTime) {
            lastTime = ts;
            lastLine = n;
            fast.setSecond(tsText);
        }
        if (filtered && ((!o.operation.empty() && op != o.operation) || (o.client && clientText != client))) {
            ++result.filteredRows;
            return;
        }
        if (ts >= binLimit) { // times never go back, so this is a later bin
            if (inBin > 0)
                binner.add(binTime, static_cast<double>(inBin));
            binTime = *o.start + ts;
            binLimit = binner.binEnd(binTime) - *o.start;
            inBin = 0;
        }
        ++inBin;
        ++count;
    };

    // The slow path, for any line the fast path leaves (and the last one without a newline): it says exactly
    // what is wrong, or takes the line (a number longer than the scanners read, say).
    auto handle = [&](std::string_view line, long long n, bool unterminated) {
        if (line.empty())
            return;
        if (line.size() > importlimits::maxLineBytes) // the buffer may hold longer lines whole; refused all the same
            lines.tooLong(n);
        ++rows;
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
        long long ts = 0;
        bool good = !f[0].empty() && f[0].size() <= 12;
        for (char c : f[0]) {
            if (!good || c < '0' || c > '9') {
                good = false;
                break;
            }
            ts = ts * 10 + (c - '0');
        }
        if (!good) {
            context.badRow(n, 1, "expected the timestamp (whole seconds from the trace start), got "
                                     + importtext::quoted(f[0]));
            return;
        }
        static const char *names[fieldCount] = {"", "", "key size", "value size", "client id", "", "TTL"};
        for (int i : {2, 3, 4, 6})
            if (!allDigits(f[i])) {
                context.badRow(n, col[i], std::string("expected the ") + names[i] + " (a whole number), got "
                                              + importtext::quoted(f[i]));
                return;
            }
        if (f[5].empty()) {
            context.badRow(n, col[5], "expected the operation (get, set, ...), got nothing");
            return;
        }
        take(ts, f[0], f[4], f[5], n);
    };

    // The hot loop runs over the buffer's whole lines in place (LineReader keeps TwitterFastPath::padding bytes
    // readable past them); the last line without a newline goes through LineReader::next like any other.
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
        TwitterLine fields;
        while (p < end) {
            if (!filtered) {
                // The run of lines in the current bin: only counted (and their order checked).
                long long newSecondAt = 0;
                const long long same = fast.countRun(p, end, binLimit, lastTime, newSecondAt);
                if (newSecondAt > 0)
                    lastLine = n + newSecondAt;
                n += same;
                rows += same;
                inBin += same;
                count += same;
                if (p == end)
                    break;
            }
            ++n;
            if (const char *nl = fast.parse(p, end, fields)) {
                ++rows;
                take(fields.time, fields.timeText, fields.client, fields.operation, n);
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
    if (inBin > 0)
        binner.add(binTime, static_cast<double>(inBin));
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
