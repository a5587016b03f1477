#include "fake_meter.h"

namespace cs {

FakeMeter::FakeMeter(std::vector<EnergySample> script)
    : mScript(std::move(script))
{
}

FakeMeter::FakeMeter(double constantWatts)
    : mWatts(constantWatts)
    , mStart(steadySeconds())
{
}

std::optional<EnergySample> FakeMeter::sample()
{
    std::lock_guard lock(mMutex);
    ++mTaken;
    if (mScript.empty()) {
        const double now = steadySeconds();
        return EnergySample{now, mWatts * (now - mStart)};
    }
    const EnergySample s = mScript[std::min(mNext, mScript.size() - 1)];
    ++mNext;
    return s;
}

std::optional<double> FakeMeter::powerWatts()
{
    std::lock_guard lock(mMutex);
    if (mScript.empty())
        return mWatts;
    return std::nullopt;
}

int FakeMeter::samplesTaken() const
{
    std::lock_guard lock(mMutex);
    return mTaken;
}

} // namespace cs
