#include "fetch_clock.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace cs {

long long SystemFetchClock::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

UtcSeconds SystemFetchClock::utcNow()
{
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

bool SystemFetchClock::sleepMs(long long ms, const std::function<bool()> &cancelled)
{
    const long long end = nowMs() + ms;
    for (long long now = nowMs(); now < end; now = nowMs()) {
        if (cancelled && cancelled())
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min<long long>(100, end - now)));
    }
    return !(cancelled && cancelled());
}

} // namespace cs
