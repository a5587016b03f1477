#pragma once

#include "inference_engine.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

// An engine without Torch for tests: named models, a fixed time per batch, and an optional gate that holds
// run() until opened. It remembers the largest batch and every model it ran.
class StubEngine : public cs::InferenceEngine
{
public:
    explicit StubEngine(std::vector<std::string> names, double msPerBatch = 0)
        : mNames(std::move(names))
        , mMs(msPerBatch)
    {
    }

    std::string deviceName() const override { return "stub"; }
    bool onGpu() const override { return false; }
    std::string notice() const override { return {}; }
    const cs::EngineOptions &options() const override { return mOptions; }
    int addBuiltin(const std::string &a) override { mNames.push_back(a); return modelCount() - 1; }
    int addTorchScript(const std::string &, const std::string &n) override { return addBuiltin(n); }
    int modelCount() const override { return static_cast<int>(mNames.size()); }
    cs::EngineModelInfo modelInfo(int i) const override { return {mNames.at(static_cast<std::size_t>(i)), "stub", 0}; }
    void prepare(int, int) override { ++prepared; }
    int run(int index, int batch) override
    {
        {
            std::unique_lock lock(mMutex);
            ++running;
            mCv.notify_all();
            mCv.wait(lock, [this] { return mOpen; });
            maxBatch = std::max(maxBatch, batch);
            modelsRun.insert(index);
            ++batches;
        }
        if (mMs > 0)
            std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(mMs));
        return batch;
    }
    std::vector<std::int64_t> outputShape(int, int batch) override { return {batch, 1000}; }
    std::vector<float> outputs(int, int batch, std::uint64_t) override { return std::vector<float>(batch * 1000); }

    void close() { std::lock_guard l(mMutex); mOpen = false; }
    void open() { { std::lock_guard l(mMutex); mOpen = true; } mCv.notify_all(); }
    void waitRunning(int n) { std::unique_lock l(mMutex); mCv.wait(l, [&] { return running >= n; }); }

    int prepared = 0;
    int running = 0;
    int maxBatch = 0;
    int batches = 0;
    std::set<int> modelsRun;

private:
    std::vector<std::string> mNames;
    double mMs;
    cs::EngineOptions mOptions;
    std::mutex mMutex;
    std::condition_variable mCv;
    bool mOpen = true;
};
