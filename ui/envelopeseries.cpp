#include "envelopeseries.h"

#include <cmath>

namespace cs {

namespace {
constexpr int LevelFactor = 4;
constexpr int SmallestLevel = 256; // a level with fewer points is not worth building
} // namespace

void EnvelopeSeries::setData(const std::vector<double> &keys, const std::vector<double> &values)
{
    mLevels.clear();
    mBucket.clear();
    const std::size_t n = keys.size();
    QVector<QCPGraphData> points(static_cast<qsizetype>(n));
    for (std::size_t i = 0; i < n; ++i)
        points[static_cast<qsizetype>(i)] = QCPGraphData(keys[i], values[i]);
    auto full = QSharedPointer<QCPGraphDataContainer>::create();
    full->set(points, true);
    mLevels.push_back(full);
    mBucket.push_back(1);

    for (std::size_t bucket = LevelFactor; n / bucket * 2 >= SmallestLevel; bucket *= LevelFactor) {
        QVector<QCPGraphData> env;
        env.reserve(static_cast<qsizetype>(2 * (n / bucket + 1)));
        for (std::size_t start = 0; start < n; start += bucket) {
            const std::size_t end = std::min(n, start + bucket);
            std::size_t lo = end, hi = end;
            for (std::size_t i = start; i < end; ++i) {
                if (std::isnan(values[i]))
                    continue;
                if (lo == end || values[i] < values[lo])
                    lo = i;
                if (hi == end || values[i] > values[hi])
                    hi = i;
            }
            if (lo == end)
                continue;
            const std::size_t a = std::min(lo, hi), b = std::max(lo, hi);
            env.append(QCPGraphData(keys[a], values[a]));
            if (b != a)
                env.append(QCPGraphData(keys[b], values[b]));
        }
        auto level = QSharedPointer<QCPGraphDataContainer>::create();
        level->set(env, true);
        mLevels.push_back(level);
        mBucket.push_back(static_cast<int>(bucket));
    }
}

QSharedPointer<QCPGraphDataContainer> EnvelopeSeries::levelFor(double lower, double upper, int pixels) const
{
    const auto &full = mLevels.front();
    if (mLevels.size() == 1 || pixels <= 0)
        return full;
    const double count = static_cast<double>(full->findEnd(upper) - full->findBegin(lower));
    // About one bucket (a min and a max) per pixel: enough to draw every extreme, and no more.
    const double perPixel = count / pixels;
    std::size_t level = 0;
    while (level + 1 < mLevels.size() && mBucket[level + 1] <= perPixel * 1.5)
        ++level;
    return mLevels[level];
}

} // namespace cs
