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

#define CS_INLINE inline __attribute__((always_inline))

// Bit i stands for byte i of a line's first 64 bytes.
struct Masks
{
    std::uint64_t comma;
    std::uint64_t newline;
    std::uint64_t digit;
};

// A digit: v - '0' is 0..9 as an unsigned byte, i.e. min(v - '0', 9) == v - '0'.
struct Sse2
{
    static CS_INLINE Masks classify(const char *p)
    {
        const __m128i commas = _mm_set1_epi8(',');
        const __m128i newlines = _mm_set1_epi8('\n');
        const __m128i zeros = _mm_set1_epi8('0');
        const __m128i nines = _mm_set1_epi8(9);
        auto block = [&](int k, std::uint64_t &c, std::uint64_t &n, std::uint64_t &g) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * k));
            const __m128i d = _mm_sub_epi8(v, zeros);
            c |= std::uint64_t(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, commas)))) << (16 * k);
            n |= std::uint64_t(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, newlines)))) << (16 * k);
            g |= std::uint64_t(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, nines), d))))
                 << (16 * k);
        };
        Masks m{0, 0, 0};
        block(0, m.comma, m.newline, m.digit);
        block(1, m.comma, m.newline, m.digit);
        block(2, m.comma, m.newline, m.digit);
        block(3, m.comma, m.newline, m.digit);
        return m;
    }
};

// The targets of the two kernels below (and of the functions that inline them): every CPU with AVX2 or
// AVX-512BW also has BMI1/BMI2 (shifts and bit tricks in one instruction); run time checks all of them.
#define CS_AVX2 "avx2,bmi,bmi2"
#define CS_AVX512 "avx512f,avx512bw,avx2,bmi,bmi2"

// Not always_inline: GCC refuses that into the generic templates below before they are inlined into the
// targeted functions; `flatten` on those inlines it all the same.
struct Avx2
{
    static inline __attribute__((target(CS_AVX2))) std::uint64_t bits(__m256i lo, __m256i hi)
    {
        return std::uint64_t(static_cast<std::uint32_t>(_mm256_movemask_epi8(lo)))
               | std::uint64_t(static_cast<std::uint32_t>(_mm256_movemask_epi8(hi))) << 32;
    }

    static inline __attribute__((target(CS_AVX2))) Masks classify(const char *p)
    {
        const __m256i commas = _mm256_set1_epi8(',');
        const __m256i newlines = _mm256_set1_epi8('\n');
        const __m256i zeros = _mm256_set1_epi8('0');
        const __m256i nines = _mm256_set1_epi8(9);
        const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
        const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 32));
        const __m256i dlo = _mm256_sub_epi8(lo, zeros);
        const __m256i dhi = _mm256_sub_epi8(hi, zeros);
        return {bits(_mm256_cmpeq_epi8(lo, commas), _mm256_cmpeq_epi8(hi, commas)),
                bits(_mm256_cmpeq_epi8(lo, newlines), _mm256_cmpeq_epi8(hi, newlines)),
                bits(_mm256_cmpeq_epi8(_mm256_min_epu8(dlo, nines), dlo), _mm256_cmpeq_epi8(_mm256_min_epu8(dhi, nines), dhi))};
    }
};

struct Avx512
{
    static inline __attribute__((target(CS_AVX512))) Masks classify(const char *p)
    {
        const __m512i v = _mm512_loadu_si512(p);
        return {_mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(',')), _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\n')),
                _mm512_cmplt_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8('0')), _mm512_set1_epi8(10))};
    }
};

// Where a line's fields are, from its masks: the offsets of its '\n' and of the commas that end fields 0, 3, 4
// and 5. `ok` holds exactly when the line ends within its first 64 bytes and the slow path would accept it:
// 7 fields; a timestamp of 1 to 12 digits; key size, value size, client id and TTL non-empty and all digits
// (after one '\r' before the '\n' is dropped); a non-empty operation; the key anything without a comma.
struct Shape
{
    unsigned newline, c0, c3, c4, c5;
    bool ok;
};

CS_INLINE Shape shapeOf(const Masks &m, const char *p)
{
    Shape s{};
    const std::uint64_t one = 1;
    const std::uint64_t nlBit = m.newline & (0 - m.newline); // the first '\n' (0: none within 64 bytes)
    // The commas before it, and the '\n' itself as a stop: six commas taken off the bottom must leave exactly
    // the '\n'. (With fewer, the '\n' goes too; the OR keeps ctz defined.)
    const std::uint64_t commas = m.comma & (nlBit - 1);
    std::uint64_t c = commas | nlBit;
    auto next = [&c] {
        const auto at = static_cast<unsigned>(__builtin_ctzll(c | (std::uint64_t(1) << 63)));
        c &= c - 1;
        return at;
    };
    const unsigned c0 = next(), c1 = next();
    c &= c - 1;
    const unsigned c3 = next(), c4 = next(), c5 = next();
    if (c != nlBit || nlBit == 0)
        return s;
    // From here 0 <= c0 < c1 < ... < c5 < nl <= 63: exactly 7 fields.
    const auto nl = static_cast<unsigned>(__builtin_ctzll(nlBit));
    const unsigned e = nl - (p[nl - 1] == '\r'); // the end of the TTL; nl > c5 >= 5, so p[nl - 1] is in the line
    // The key and the operation may hold anything but commas; every other byte before e but the commas must
    // be a digit. Each digit field must start with one (so none is empty: the byte after its comma is a digit,
    // not the next comma, '\r' or '\n'), and so must the timestamp at byte 0.
    const std::uint64_t keyStart = one << (c0 + 1), opStart = one << (c4 + 1);
    const std::uint64_t keyOrOp = ((one << c1) - keyStart) | ((one << c5) - opStart);
    const std::uint64_t digitBytes = ((one << e) - 1) & ~(commas | keyOrOp);
    const std::uint64_t digitStarts = ((commas << 1) | 1) & ~(keyStart | opStart);
    s = {nl, c0, c3, c4, c5, false};
    // One test, no branch per field: then the timestamp's length (at most 12) and a non-empty operation.
    s.ok = (((digitBytes | digitStarts) & ~m.digit) == 0) & (c0 <= 12) & (c5 - c4 > 1);
    return s;
}

// The current second: its timestamp text followed by a comma (zeros after), the text's length, and its value.
struct Second
{
    const char *text;
    unsigned length;
    long long time;
};

// The line at p starts with the current second's text and its comma (one 16-byte compare).
CS_INLINE bool sameSecond(const char *p, const Second &second)
{
    const __m128i want = _mm_load_si128(reinterpret_cast<const __m128i *>(second.text));
    const __m128i head = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    const auto same = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(head, want)));
    const unsigned need = (2u << second.length) - 1; // bytes 0..length: the digits and the comma
    return (same & need) == need;
}

template <class K>
CS_INLINE const char *simdParse(const char *p, const char *end, TwitterLine &line, const Second &second)
{
    const Shape s = shapeOf(K::classify(p), p);
    if (!s.ok)
        return scalarParse(p, end, line);
    // Read the digits only for a new second (a filtered import parses every line).
    long long t = second.time;
    if (!sameSecond(p, second)) {
        t = 0;
        for (unsigned i = 0; i < s.c0; ++i)
            t = t * 10 + (p[i] - '0');
    }
    line.time = t;
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

} // namespace cs
