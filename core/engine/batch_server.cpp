#include "batch_server.h"

#include <chrono>
#include <exception>

namespace cs {

BatchServer::BatchServer(InferenceEngine &engine, BatchServerOptions options, int initialModel)
    : mEngine(engine)
    , mOptions(options)
    , mActive(initialModel)
{
}

BatchServer::~BatchServer()
{
    stop();
}

void BatchServer::start()
{
    if (mThread.joinable())
        return;
    mStop = false;
    mThread = std::thread([this] { loop(); });
}

void BatchServer::stop()
{
    {
        std::lock_guard lock(mMutex);
        mStop = true;
    }
    mWake.notify_all();
    if (mThread.joinable())
        mThread.join();
    std::lock_guard lock(mMutex);
    mCounters.dropped += static_cast<std::int64_t>(mQueue.size());
    mQueue.clear();
    mIdle.notify_all();
}

void BatchServer::submit()
{
    {
        std::lock_guard lock(mMutex);
        ++mCounters.submitted;
        if (mStop || mQueue.size() >= mOptions.queueCapacity) {
            ++mCounters.dropped;
            return;
        }
        mQueue.push_back(Clock::now());
    }
    mWake.notify_one();
}

double BatchServer::switchModel(int model)
{
    const auto t0 = Clock::now();
    mActive.store(model);
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

bool BatchServer::drain(double timeoutSeconds)
{
    std::unique_lock lock(mMutex);
    return mIdle.wait_for(lock, std::chrono::duration<double>(timeoutSeconds),
                          [this] { return mQueue.empty() && !mBusy; });
}

ServerCounters BatchServer::take()
{
    std::lock_guard lock(mMutex);
    ServerCounters out = std::move(mCounters);
    mCounters = ServerCounters{};
    return out;
}

std::int64_t BatchServer::servedSinceTake() const
{
    std::lock_guard lock(mMutex);
    return mCounters.served;
}

std::string BatchServer::lastError() const
{
    std::lock_guard lock(mMutex);
    return mError;
}

void BatchServer::loop()
{
    const auto maxDelay = std::chrono::duration<double, std::milli>(mOptions.maxDelayMs);
    const auto dropAfter = std::chrono::duration<double, std::milli>(mOptions.dropAfterMs);
    std::unique_lock lock(mMutex);
    while (!mStop) {
        if (mQueue.empty()) {
            mIdle.notify_all();
            mWake.wait(lock, [this] { return mStop || !mQueue.empty(); });
            continue;
        }
        // Wait for a full batch or the oldest request's deadline.
        const auto deadline = mQueue.front() + std::chrono::duration_cast<Clock::duration>(maxDelay);
        if (static_cast<int>(mQueue.size()) < mOptions.maxBatch && Clock::now() < deadline) {
            mWake.wait_until(lock, deadline, [this] {
                return mStop || static_cast<int>(mQueue.size()) >= mOptions.maxBatch;
            });
            continue;
        }
        const auto now = Clock::now();
        while (!mQueue.empty() && now - mQueue.front() > dropAfter) {
            mQueue.pop_front();
            ++mCounters.dropped;
        }
        std::vector<Clock::time_point> batch;
        while (!mQueue.empty() && static_cast<int>(batch.size()) < mOptions.maxBatch) {
            batch.push_back(mQueue.front());
            mQueue.pop_front();
        }
        if (batch.empty())
            continue;
        mBusy = true;
        const int model = mActive.load();
        lock.unlock();
        int computed = 0;
        std::string error;
        try {
            computed = mEngine.run(model, static_cast<int>(batch.size()));
        } catch (const std::exception &e) {
            error = e.what();
        }
        const auto done = Clock::now();
        lock.lock();
        mBusy = false;
        if (!error.empty()) {
            mError = error;
            mCounters.dropped += static_cast<std::int64_t>(batch.size());
            continue;
        }
        ++mCounters.batches;
        mCounters.computed += computed;
        mCounters.served += static_cast<std::int64_t>(batch.size());
        mCounters.servedByModel[model] += static_cast<std::int64_t>(batch.size());
        for (const auto &arrival : batch)
            mCounters.latenciesMs.push_back(std::chrono::duration<double, std::milli>(done - arrival).count());
    }
}

} // namespace cs
