#pragma once

#include <string_view>

namespace cs {

// One Twitter cache-trace line as the fast path reads it (views into the caller's buffer).
struct TwitterLine
{
    long long time = 0;         // seconds from the trace's start
    std::string_view timeText;  // its digits, 1 to 12
    std::string_view client;
    std::string_view operation;
};

// The hot path of the Twitter importer, over a buffer of whole lines (it ends with '\n'). Exactly conservative:
// it accepts only lines the importer's slow path would read the same way, and stops at anything else (the slow
// path then names the problem with its line and column). On x86-64 it classifies a line's first 64 bytes with
// SSE2 (AVX2 where the CPU has it, checked at run time; AVX-512BW on request) into bit masks of commas, newlines
// and digits, and checks every field with a few mask operations instead of a branch per byte; longer lines and
// other CPUs take a portable scalar scanner. The caller's buffer must stay readable for `padding` bytes past
// `end`.
class TwitterFastPath
{
public:
    static constexpr int padding = 64;

    // Auto: AVX2 where the CPU has it, unless the environment variable CARBONSCOPE_SCAN says avx512, avx2, sse2
    // or scalar (for tests and measurements). A choice the CPU lacks falls back to the next one down.
    enum class Scan { Auto, Avx512, Avx2, Sse2, Scalar };
    explicit TwitterFastPath(Scan scan = Scan::Auto);
    // The one in use.
    Scan scan() const { return mScan; }

    // Parses the well-formed line at p: returns its '\n', or nullptr for anything unusual.
    const char *parse(const char *p, const char *end, TwitterLine &line) const;

    // The current second's timestamp text (digits, at most 12), which skipSecond() looks for (and parse() need
    // not read again).
    void setSecond(std::string_view timeText);
    // Skips the run of well-formed lines from p that carry the current second's timestamp text, stopping before
    // the first other line (or at end); returns how many it skipped. Only the counting of lines is left to do
    // for them: their timestamp is the current second's, and no filter looks at their client or operation.
    long long skipSecond(const char *&p, const char *end) const;

    // Counts the run of well-formed lines from p whose timestamps lie in [time, limit) (an unfiltered import,
    // where nothing but the time matters), stopping before the first other line (or at end); returns how many.
    // `time` becomes the last counted line's timestamp, and `newSecondAt` the index in the run (from 1) of the
    // last line that started a later second (0: none did). The caller's work is then one call per bin of counts,
    // not per second: the same whatever the request rate.
    long long countRun(const char *&p, const char *end, long long limit, long long &time, long long &newSecondAt) const;

private:
    alignas(16) char mSecond[16] = {};
    unsigned mSecondLength = 0; // 0: no second yet (a timestamp has at least one digit, so nothing matches)
    long long mSecondTime = 0;
    Scan mScan = Scan::Scalar;
};

} // namespace cs
