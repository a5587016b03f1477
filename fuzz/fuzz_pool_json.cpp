// libFuzzer target: the pool JSON reader (parsePoolJson, what loadPool and readPoolJson use on a file's text). The
// input is the file. It must end in a pool or in ParseError/InputError. A pool read must be one the rest of
// CarbonScope can trust: models, each named once, energies finite and above 0, errors in [0, 100], latency and
// throughput finite and >= 0 where given; and written back (poolToJson) it must read as the same pool. Anything
// else aborts: a finding.
#include "model_pool.h"
#include "parse_error.h"
#include "pool_json.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

namespace {

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "fuzz_pool_json: %s\n", what);
    std::abort();
}

bool finiteAtLeastZero(const std::optional<double> &v)
{
    return !v || (std::isfinite(*v) && *v >= 0);
}

void checkPool(const cs::ModelPool &pool)
{
    if (pool.models.empty())
        fail("a pool without models");
    std::set<std::string> names;
    for (const cs::Model &m : pool.models) {
        if (m.name.empty() || !names.insert(m.name).second)
            fail("a model without a name, or a name twice");
        if (!(std::isfinite(m.energyMj) && m.energyMj > 0))
            fail("an energy that is not finite and above 0");
        if (!(m.errorPct >= 0 && m.errorPct <= 100))
            fail("an error outside [0, 100]");
        if (!finiteAtLeastZero(m.latencyMs) || !finiteAtLeastZero(m.throughputPerS))
            fail("a latency or throughput that is not finite and >= 0");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    cs::ModelPool pool;
    try {
        pool = cs::parsePoolJson(text, "fuzz.json");
    } catch (const cs::ParseError &) {
        return 0;
    } catch (const cs::InputError &) {
        return 0;
    }
    checkPool(pool);
    cs::ModelPool again;
    try {
        again = cs::parsePoolJson(cs::poolToJson(pool), "written.json");
    } catch (const std::exception &e) {
        std::fprintf(stderr, "fuzz_pool_json: the pool written back does not read: %s\n", e.what());
        std::abort();
    }
    if (!(again == pool))
        fail("the pool written back reads as another pool");
    return 0;
}
