// One libFuzzer entry point, compiled once per importer (FUZZ_KIND and FUZZ_FORMAT, set in fuzz/CMakeLists.txt):
// the input is written to a file in /dev/shm and imported into an in-memory project. Any input must end in a series
// or in ParseError/InputError; a crash, a leak, undefined behaviour or another exception is a finding. What was
// stored is read back and checked (fuzz_readback.h): finite values, strictly rising times, as many points stored as
// the import says it wrote.
#include "fuzz_readback.h"
#include "import_runner.h"
#include "parse_error.h"
#include "project_store.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace {

struct Target
{
    cs::SeriesKind kind;
    const char *format;
};

#if !defined(FUZZ_KIND) || !defined(FUZZ_FORMAT)
#error "fuzz/CMakeLists.txt defines FUZZ_KIND (Carbon or Requests) and FUZZ_FORMAT (the importer's name)"
#endif
constexpr Target target{cs::SeriesKind::FUZZ_KIND, FUZZ_FORMAT};

const std::string &inputPath()
{
    static const std::string path = (access("/dev/shm", W_OK) == 0 ? std::string("/dev/shm") : std::string("/tmp"))
                                    + "/carbonscope_fuzz_" + std::to_string(getpid()) + ".in";
    return path;
}

cs::ProjectStore &store()
{
    static cs::ProjectStore s = cs::ProjectStore::open(":memory:");
    return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::FILE *f = std::fopen(inputPath().c_str(), "wb");
    if (!f)
        return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    cs::ImportOptions o;
    o.kind = target.kind;
    o.format = target.format;
    o.name = "fuzz";
    o.replace = true;
    o.start = 1583020800;
    // The fill of empty intervals between requests runs the same code whatever the cap; the default cap of a
    // million rows per input would cut the fuzzer's rate a hundredfold on inputs with a stray far-off time.
    o.maxEmptyIntervals = 64;
    // Half the inputs skip bad rows, so that both paths run (the choice comes from the input itself).
    o.skipBadRows = size > 0 && (data[size - 1] & 1);
    // A quarter of the CSV inputs read their local times in a zone with clock changes (repeated and skipped hours).
    if (size > 0 && (data[size - 1] & 6) == 6)
        o.timeZone = "Europe/London";
    try {
        const cs::ImportResult result = cs::ImportRunner::importFile(store(), inputPath(), o);
        // Every accepted series must read back, whole and sound.
        checkStoredImport(store(), o.kind, result);
    } catch (const cs::ParseError &) {
    } catch (const cs::InputError &) {
    }
    return 0;
}
