#pragma once

// The x86-64 kernels of twitter_fast_path.cpp (included by it alone, inside its anonymous namespace and only where
// CS_TWITTER_X86 is defined): a line's first 64 bytes classified into bit masks, the line's shape read from them,
// and the numbers the fast path reads without a branch per byte.

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

// The value of n (1 to 12) digits at p, with no branch per digit: eight bytes at a time, the digits moved to the
// top of a little-endian word (zero bytes below read as leading zeros), then pairs, quads and octets combined
// with one multiply each. Reads 8 bytes from p (within the line and its padding).
CS_INLINE std::uint64_t eightDigits(const char *p, unsigned n)
{
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    w = (w << (8 * (8 - n))) & 0x0F0F0F0F0F0F0F0FULL; // n >= 1: the shift is below 64
    w = (w * 10 + (w >> 8)) & 0x00FF00FF00FF00FFULL;
    w = (w * 100 + (w >> 16)) & 0x0000FFFF0000FFFFULL;
    return (w * 10000 + (w >> 32)) & 0xFFFFFFFFULL;
}

CS_INLINE long long digitsValue(const char *p, unsigned n)
{
    if (n <= 8)
        return static_cast<long long>(eightDigits(p, n));
    return static_cast<long long>(eightDigits(p, n - 8) * 100000000ULL + eightDigits(p + n - 8, 8));
}
