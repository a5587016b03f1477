#pragma once

#include "energy_meter.h"
#include "idle_power.h"
#include "inference_engine.h"
#include "model_pool.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cs {

struct ProfileOptions
{
    double seconds = 3;         // measuring window per model and batch size
    int fixedBatches = 0;       // > 0: run exactly this many batches instead (tests)
    std::optional<double> idleWatts;
};

// One model at one batch size and dtype, measured: energy from the meter's two readings around the window,
// latency per batch (all images of a batch finish together), throughput from the wall clock.
struct ProfileRow
{
    std::string model;
    std::string precision;
    std::string device;
    std::string meter;
    int batch = 0;
    int computedBatch = 0;          // larger than batch where padded up to a CUDA graph's size
    std::int64_t batches = 0;
    std::int64_t images = 0;
    double wallSeconds = 0;
    double imagesPerS = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    std::optional<double> joules;           // measured over the meter's window, idle included
    std::optional<double> meterSeconds;     // the meter's window
    std::optional<double> meanWatts;
    std::optional<double> idleWatts;
    std::optional<double> mjPerImage;       // idle included
    std::optional<double> mjPerImageNoIdle; // idle power x window taken out
};

ProfileRow profileModel(InferenceEngine &engine, int model, int batch, EnergyMeter &meter,
                        const ProfileOptions &options);

// A pool from profiled rows: per model the row at `batch` and `precision`; energy per the idle mode; latency
// from the batch-1 row where there is one; error figures carried over from Jung 2024 Table 1 (ResNet18: the
// torchvision documentation), their source named. Throws InputError where a row has no energy (no meter).
ModelPool poolFromProfile(const std::vector<ProfileRow> &rows, const std::string &poolName, int batch,
                          const std::string &precision, IdleMode idle);

// The published top-5 error of a pool architecture and where it comes from; nothing for other names.
std::optional<std::pair<double, std::string>> publishedError(const std::string &model);

} // namespace cs
