#pragma once

#include "inference_engine.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace cs {

struct BatchServerOptions
{
    int maxBatch = 64;
    double maxDelayMs = 5;      // a batch leaves once it is full or its oldest request waited this long
    double dropAfterMs = 2000;  // a request still queued after this long is dropped, not served late
    std::size_t queueCapacity = 1'000'000; // requests arriving at a full queue are dropped
};

// What the server did since the last take().
struct ServerCounters
{
    std::int64_t submitted = 0;
    std::int64_t served = 0;
    std::int64_t dropped = 0;
    std::int64_t batches = 0;
    std::int64_t computed = 0;           // images computed, padding to a graph's batch size included
    std::vector<double> latenciesMs;     // per served request: arrival to its batch's outputs ready
    std::map<int, std::int64_t> servedByModel;
};

// Serves requests from a queue in batches on its own thread, with whichever model is active when a batch
// starts. switchModel() only stores the new index (the models are all resident), so a switch never stops the
// queue: requests keep arriving and the next batch uses the new model.
class BatchServer
{
public:
    BatchServer(InferenceEngine &engine, BatchServerOptions options, int initialModel);
    ~BatchServer();
    BatchServer(const BatchServer &) = delete;
    BatchServer &operator=(const BatchServer &) = delete;

    void start();
    void stop();                         // serves nothing more; queued requests are counted as dropped

    void submit();                       // one request arriving now
    // Seconds the switch call itself took (an atomic store).
    double switchModel(int model);
    int activeModel() const { return mActive.load(); }

    // Waits until the queue is empty and no batch is running, or `timeoutSeconds` passed; true when drained.
    bool drain(double timeoutSeconds);
    ServerCounters take();
    std::int64_t servedSinceTake() const;
    std::string lastError() const;       // an engine error stops serving; here is why

private:
    using Clock = std::chrono::steady_clock;
    void loop();

    InferenceEngine &mEngine;
    BatchServerOptions mOptions;
    std::atomic<int> mActive;
    std::atomic<bool> mStop{false};
    std::thread mThread;

    mutable std::mutex mMutex;
    std::condition_variable mWake;
    std::condition_variable mIdle;
    std::deque<Clock::time_point> mQueue;
    bool mBusy = false;
    ServerCounters mCounters;
    std::string mError;
};

} // namespace cs
