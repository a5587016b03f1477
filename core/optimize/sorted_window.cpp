#include "sorted_window.h"

#include <algorithm>
#include <numeric>

namespace cs {

SortedWindow::SortedWindow(const std::vector<double> &intensity, const std::vector<double> &requests)
{
    std::vector<std::size_t> order(intensity.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return intensity[a] < intensity[b]; });
    for (std::size_t i : order) {
        mIntensity.push_back(intensity[i]);
        mRequests.push_back(requests[i]);
    }
}

void SortedWindow::insert(double intensity, double requests)
{
    const auto at = std::upper_bound(mIntensity.begin(), mIntensity.end(), intensity) - mIntensity.begin();
    mIntensity.insert(mIntensity.begin() + at, intensity);
    mRequests.insert(mRequests.begin() + at, requests);
    mSumsStale = true;
}

void SortedWindow::erase(double intensity, double requests)
{
    auto at = std::lower_bound(mIntensity.begin(), mIntensity.end(), intensity) - mIntensity.begin();
    for (; at < static_cast<std::ptrdiff_t>(mIntensity.size()) && mIntensity[static_cast<std::size_t>(at)] == intensity;
         ++at) {
        if (mRequests[static_cast<std::size_t>(at)] == requests) {
            mIntensity.erase(mIntensity.begin() + at);
            mRequests.erase(mRequests.begin() + at);
            mSumsStale = true;
            return;
        }
    }
}

void SortedWindow::clear()
{
    mIntensity.clear();
    mRequests.clear();
    mSumsStale = true;
}

void SortedWindow::refreshSums() const
{
    if (!mSumsStale)
        return;
    mFrom.assign(mRequests.size() + 1, 0.0);
    for (std::size_t k = mRequests.size(); k-- > 0;)
        mFrom[k] = mFrom[k + 1] + mRequests[k];
    mSumsStale = false;
}

double SortedWindow::totalRequests() const
{
    return requestsFrom(0);
}

double SortedWindow::requestsFrom(std::size_t k) const
{
    refreshSums();
    return mFrom[std::min(k, mRequests.size())];
}

} // namespace cs
