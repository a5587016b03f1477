#pragma once

#include "modelshare.h"
#include "qcp.h"

#include <QString>

#include <array>
#include <string>
#include <vector>

namespace cs {

// The Timeline's "Model chosen" panel zoomed out: one adaptive policy's share of requests served by each model,
// as bars stacked to 100 % per day, week or month, with a title naming the policy and the bucket and a legend of the
// model names above the 100 % line. The shares of every bucket size are computed once per policy and simulation;
// a frame only swaps which set the bars draw (O(models)).
class ModelShareView
{
public:
    ModelShareView(QCustomPlot *plot, QCPAxisRect *rect);
    ModelShareView(const ModelShareView &) = delete;
    ModelShareView &operator=(const ModelShareView &) = delete;

    // Removes the bars and their legend entries; call before the plot's plottables are cleared.
    void clear();
    // Bars for policy `spec`'s `choices` (see modelShares); `namesByRank` lowest energy first. Leaves them hidden.
    void setPolicy(const Scenario &s, const std::vector<int> &choices, const std::vector<int> &rankOf,
                   const std::vector<QString> &namesByRank, const std::string &spec, const QString &policyLabel,
                   bool dark);
    bool hasPolicy() const { return !mBars.empty(); }
    const std::string &policySpec() const { return mPolicySpec; } // empty when none
    const QString &policyLabel() const { return mPolicyLabel; }

    // Shows the bars at the bucket `spanSeconds` needs, or hides them with their title and legend.
    void show(bool on, double spanSeconds);
    bool isShown() const { return mShown; }
    TimeBucket bucket() const { return mBucket; }
    const std::vector<QCPBars *> &bars() const { return mBars; } // by energy rank, lowest first
    QString title() const;
    // The shares of the bucket holding time t, for the crosshair readout ("Heuristic, day of 2023-06-05: ResNet50
    // 75.0 %, ResNet152 25.0 %"); empty when the bars are hidden or t is in no bucket.
    QString readoutAt(double t) const;
    QCPLegend *legend() const { return mLegend; }
    QSharedPointer<QCPAxisTicker> ticker() const { return mTicker; }

    // After the layout: the title and the model names in `font`, wrapped to the panel's width, stand above the
    // 100 % line. Returns the value axis's upper bound that leaves them that room; `relayout` is set when the
    // legend's rows changed (the next replot places it).
    double fitHeadroom(const QFont &font, bool *relayout);

    // A colour-blind-safe sequential palette (viridis), lowest energy darkest on a light plot; on a dark plot the
    // darkest end is left out. Distinct in kind from the policies' Okabe-Ito colours.
    static QColor modelColour(int rank, int count, bool dark);

private:
    QCustomPlot *mPlot;
    QCPAxisRect *mRect;
    QCPLegend *mLegend;
    QCPItemText *mTitle;
    QSharedPointer<QCPAxisTickerText> mTicker;
    std::vector<QCPBars *> mBars;
    std::array<std::vector<QSharedPointer<QCPBarsDataContainer>>, 3> mData; // [TimeBucket][rank]
    std::string mPolicySpec;
    QString mPolicyLabel;
    TimeBucket mBucket = TimeBucket::Day;
    bool mShown = false;
};

} // namespace cs
