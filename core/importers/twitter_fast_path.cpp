#include "twitter_fast_path.h"

#include "import_limits.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

// CARBONSCOPE_PORTABLE_SCAN builds only the portable scanner (as on other CPUs): a check that it still compiles.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(CARBONSCOPE_PORTABLE_SCAN)
#include <immintrin.h>
#define CS_TWITTER_X86 1
#endif

namespace cs {

namespace {

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

// The portable scanner (lines of 64 bytes or more, and CPUs other than x86-64): one pass, digits checked as they
// are read. Numbers other than the timestamp are limited to 12 digits here only to keep the loop simple (a longer
// one goes to the slow path, which accepts it).
const char *scalarParse(const char *p, const char *end, TwitterLine &line)
{
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
    const char *t = p;
    if (!digits(&line.time))
        return nullptr;
    line.timeText = std::string_view(t, static_cast<std::size_t>(p - t));
    if (!comma())
        return nullptr;
    p = commaOrNewline(p, end); // the key
    if (!comma() || !digits(nullptr) || !comma() || !digits(nullptr) || !comma())
        return nullptr;
    const char *c = p;
    if (!digits(nullptr))
        return nullptr;
    line.client = std::string_view(c, static_cast<std::size_t>(p - c));
    if (!comma())
        return nullptr;
    const char *o = p;
    p = commaOrNewline(p, end);
    line.operation = std::string_view(o, static_cast<std::size_t>(p - o));
    if (line.operation.empty() || !comma() || !digits(nullptr))
        return nullptr;
    if (p < end && *p == '\r')
        ++p;
    // A line past the line limit goes to the slow path, which refuses it.
    return p < end && *p == '\n' && static_cast<std::size_t>(p - t) <= importlimits::maxLineBytes ? p : nullptr;
}

#ifdef CS_TWITTER_X86

#include "twitter_fast_path_kernels.h"

template <class K>
CS_INLINE const char *simdParse(const char *p, const char *end, TwitterLine &line, const Second &second)
{
    const Shape s = shapeOf(K::classify(p), p);
    if (!s.ok)
        return scalarParse(p, end, line);
    // Read the digits only for a new second (a filtered import parses every line).
    line.time = sameSecond(p, second) ? second.time : digitsValue(p, s.c0);
    line.timeText = std::string_view(p, s.c0);
    line.client = std::string_view(p + s.c3 + 1, s.c4 - s.c3 - 1);
    line.operation = std::string_view(p + s.c4 + 1, s.c5 - s.c4 - 1);
    return p + s.newline;
}

// The run of well-formed lines of the current second from p.
template <class K>
CS_INLINE long long simdSkip(const char *&p, const char *end, const Second &second)
{
    const char *q = p;
    long long n = 0;
    while (q < end) {
        const Shape s = shapeOf(K::classify(q), q);
        if (!s.ok || !sameSecond(q, second))
            break;
        q += s.newline + 1;
        ++n;
    }
    p = q;
    return n;
}

// The run of well-formed lines from p with times in [time, limit): no branch per line but the loop's own (at a
// low request rate a line starts a new second about every other line, so a branch on that would be mispredicted
// about as often).
template <class K>
CS_INLINE long long simdCount(const char *&p, const char *end, long long limit, long long &time, long long &newAt)
{
    const char *q = p;
    long long n = 0, t0 = time, at = 0;
    while (q < end) {
        const Shape s = shapeOf(K::classify(q), q);
        if (!s.ok)
            break;
        const long long t = digitsValue(q, s.c0);
        if ((t < t0) | (t >= limit))
            break;
        ++n;
        at = t != t0 ? n : at;
        t0 = t;
        q += s.newline + 1;
    }
    p = q;
    time = t0;
    newAt = at;
    return n;
}

__attribute__((target(CS_AVX2), flatten)) long long countAvx2(const char *&p, const char *end, long long limit,
                                                              long long &time, long long &newAt)
{
    return simdCount<Avx2>(p, end, limit, time, newAt);
}

__attribute__((target(CS_AVX512), flatten)) long long countAvx512(const char *&p, const char *end, long long limit,
                                                                  long long &time, long long &newAt)
{
    return simdCount<Avx512>(p, end, limit, time, newAt);
}

__attribute__((target(CS_AVX2), flatten)) const char *parseAvx2(const char *p, const char *end, TwitterLine &line,
                                                                 const Second &second)
{
    return simdParse<Avx2>(p, end, line, second);
}

__attribute__((target(CS_AVX2), flatten)) long long skipAvx2(const char *&p, const char *end, const Second &second)
{
    return simdSkip<Avx2>(p, end, second);
}

__attribute__((target(CS_AVX512), flatten)) const char *parseAvx512(const char *p, const char *end,
                                                                   TwitterLine &line, const Second &second)
{
    return simdParse<Avx512>(p, end, line, second);
}

__attribute__((target(CS_AVX512), flatten)) long long skipAvx512(const char *&p, const char *end, const Second &second)
{
    return simdSkip<Avx512>(p, end, second);
}

#endif // CS_TWITTER_X86

} // namespace

TwitterFastPath::TwitterFastPath(Scan scan)
{
    if (scan == Scan::Auto) {
        const char *env = std::getenv("CARBONSCOPE_SCAN");
        const std::string_view want = env ? env : "";
        // AVX2 by default: AVX-512BW was no faster on an Intel Xeon (0.39 s against 0.40 for bench_import's 1 GB)
        // and slower on an AMD EPYC (0.32 against 0.30).
        scan = want == "scalar" ? Scan::Scalar : want == "sse2" ? Scan::Sse2 : want == "avx512" ? Scan::Avx512 : Scan::Avx2;
    }
#ifdef CS_TWITTER_X86
    __builtin_cpu_init();
    const bool bmi = __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2");
    if (scan == Scan::Avx512 && !(bmi && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")))
        scan = Scan::Avx2;
    if (scan == Scan::Avx2 && !(bmi && __builtin_cpu_supports("avx2")))
        scan = Scan::Sse2;
    mScan = scan;
#else
    (void)scan; // mScan stays Scalar
#endif
}

void TwitterFastPath::setSecond(std::string_view timeText)
{
    std::memset(mSecond, 0, sizeof mSecond);
    if (timeText.empty() || timeText.size() > 12) {
        mSecondLength = 0;
        return;
    }
    std::memcpy(mSecond, timeText.data(), timeText.size());
    mSecond[timeText.size()] = ',';
    mSecondLength = static_cast<unsigned>(timeText.size());
    mSecondTime = 0;
    for (char c : timeText)
        mSecondTime = mSecondTime * 10 + (c - '0');
}

const char *TwitterFastPath::parse(const char *p, const char *end, TwitterLine &line) const
{
#ifdef CS_TWITTER_X86
    const Second second{mSecond, mSecondLength, mSecondTime};
    if (mScan == Scan::Avx512)
        return parseAvx512(p, end, line, second);
    if (mScan == Scan::Avx2)
        return parseAvx2(p, end, line, second);
    if (mScan == Scan::Sse2)
        return simdParse<Sse2>(p, end, line, second);
#endif
    return scalarParse(p, end, line);
}

long long TwitterFastPath::skipSecond(const char *&p, const char *end) const
{
    if (mSecondLength == 0)
        return 0;
#ifdef CS_TWITTER_X86
    const Second second{mSecond, mSecondLength, mSecondTime};
    if (mScan == Scan::Avx512)
        return skipAvx512(p, end, second);
    if (mScan == Scan::Avx2)
        return skipAvx2(p, end, second);
    if (mScan == Scan::Sse2)
        return simdSkip<Sse2>(p, end, second);
#endif
    long long n = 0;
    const std::string_view want(mSecond, mSecondLength);
    TwitterLine line;
    while (p < end) {
        const char *nl = scalarParse(p, end, line);
        if (!nl || line.timeText != want)
            break;
        p = nl + 1;
        ++n;
    }
    return n;
}

long long TwitterFastPath::countRun(const char *&p, const char *end, long long limit, long long &time,
                                    long long &newSecondAt) const
{
#ifdef CS_TWITTER_X86
    if (mScan == Scan::Avx512)
        return countAvx512(p, end, limit, time, newSecondAt);
    if (mScan == Scan::Avx2)
        return countAvx2(p, end, limit, time, newSecondAt);
    if (mScan == Scan::Sse2)
        return simdCount<Sse2>(p, end, limit, time, newSecondAt);
#endif
    long long n = 0;
    newSecondAt = 0;
    TwitterLine line;
    while (p < end) {
        const char *nl = scalarParse(p, end, line);
        if (!nl || line.time < time || line.time >= limit)
            break;
        ++n;
        if (line.time != time)
            newSecondAt = n;
        time = line.time;
        p = nl + 1;
    }
    return n;
}

} // namespace cs
