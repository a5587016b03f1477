// cs_pool_json_writer PATH: writes the paper's pool as JSON with writePoolJson, the writer behind `profile --out`
// and the GUI's pool export, so that test_cli_faults can fail its calls as it does the CLI's. `profile --out` itself
// writes a pool only from measured energy (NVML or RAPL), which a test machine may not have.
#include "io/atomic_file.h"
#include "model_pool.h"
#include "pool_json.h"

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: cs_pool_json_writer PATH\n");
        return 1;
    }
    try {
        cs::writePoolJson(cs::paperPool(), argv[1]);
    } catch (const cs::OutputError &e) {
        std::fprintf(stderr, "cs_pool_json_writer: error: %s\n", e.what());
        return 2;
    }
    return 0;
}
