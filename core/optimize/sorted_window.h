#pragma once

#include <cstddef>
#include <vector>

namespace cs {

// The intervals of a sliding window kept sorted by intensity, each with its requests: inserting or erasing one
// moves O(n) doubles, and every query the price fit asks is a binary search, so a re-fit at every interval
// costs far less than re-sorting the window.
class SortedWindow
{
public:
    SortedWindow() = default;
    SortedWindow(const std::vector<double> &intensity, const std::vector<double> &requests);

    void insert(double intensity, double requests);
    // Removes one interval inserted with exactly these values (no-op where there is none).
    void erase(double intensity, double requests);
    void clear();

    std::size_t size() const { return mIntensity.size(); }
    bool empty() const { return mIntensity.empty(); }
    double totalRequests() const;
    // Ascending intensity, with each interval's requests.
    const std::vector<double> &intensity() const { return mIntensity; }
    const std::vector<double> &requests() const { return mRequests; }
    // Requests of the intervals from position `k` on (the k lowest intensities left out).
    double requestsFrom(std::size_t k) const;

private:
    void refreshSums() const;

    std::vector<double> mIntensity, mRequests;
    mutable std::vector<double> mFrom; // mFrom[k] = requests of positions >= k (size n + 1)
    mutable bool mSumsStale = true;
};

} // namespace cs
