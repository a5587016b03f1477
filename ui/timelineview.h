#pragma once

#include "envelopeseries.h"
#include "modelshareview.h"
#include "qcp.h"
#include "utc_time.h"

#include <QSet>
#include <QWidget>

#include <array>
#include <memory>
#include <string>
#include <vector>

class QLabel;

namespace cs {

class ScenarioDocument;

// The Timeline: stacked plots on one time axis (carbon intensity, requests, the model each adaptive policy picks,
// cumulative CO2 per policy). Zoom and pan move all of them; a crosshair reads every value at the cursor; a click
// on a legend entry hides or shows a policy; Shift+drag selects the range the totals are restricted to.
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    enum Panel { IntensityPanel, RequestsPanel, ModelPanel, CumulativePanel, PanelCount };

    explicit TimelineView(ScenarioDocument *document, QWidget *parent = nullptr);

    QCustomPlot *plot() const { return mPlot; }
    QCPAxisRect *panel(Panel p) const { return mRects[p]; }

    bool isPolicyVisible(const std::string &spec) const;
    void setPolicyVisible(const std::string &spec, bool visible);
    const QSet<QString> &hiddenPolicies() const { return mHidden; }

    // The plotted cumulative CO2 of a policy (nullptr when it is not plotted) and grams per plotted unit.
    QCPGraph *cumulativeGraph(const std::string &spec) const;
    // The model-chosen step line of an adaptive policy (nullptr for single models).
    QCPGraph *modelGraph(const std::string &spec) const;
    // The model names shown on the "Model chosen" axis (every k-th when the panel is low).
    QStringList modelTickLabels() const;
    double cumulativeUnitGrams() const { return mCumulativeUnit; }

    // Zoomed out (modelshare.h: more than 10 days, or under 3 px per interval), the "Model chosen" panel shows one
    // adaptive policy's share of requests per model per day/week/month instead of the step lines. Which policy:
    // the last `spec` given that is an adaptive policy that ran (the totals table's selection; a single model is
    // ignored), else the first shown one.
    void setSharePolicy(const std::string &spec);
    std::string sharePolicy() const; // the policy the shares are of; empty when none
    const ModelShareView &modelShares() const { return *mShares; }

    // The crosshair, for the mouse, teaching mode and tests; the readout lists every value at t.
    void setCursorTime(double t);
    void clearCursor();
    QString readoutAt(double t) const;
    // Hides the crosshair while a chart is exported (false) and shows it again where it was (true); the
    // selected period's shading stays, it belongs to what the chart says.
    void setOverlaysVisible(bool visible);
    bool overlaysVisible() const { return mOverlaysVisible; }

    // How series with more points than pixels are drawn: the app's min/max envelopes, or (for bench/gui's peers)
    // all points with QCustomPlot's own adaptive sampling, or all points with none.
    enum class Sampling { Envelope, QcpAdaptive, None };
    void setSampling(Sampling sampling);

    // Teaching mode: the heuristic's C_low and C_high drawn on the intensity panel, and the model and CO2 panels
    // revealed only up to `until` (UTC seconds; the future under a curtain) so the policies' CO2 races as it plays.
    void setTeachingOverlays(bool on, double cLow = 0, double cHigh = 0, const std::vector<double> &switchLevels = {});
    // Large type for a projector: every plot text at least 14 pt.
    void setPresentationFonts(bool on);
    void setRevealedUntil(double until);
    bool teachingOverlays() const { return mTeaching; }

    void resetZoom();
    void setTimeRange(double lower, double upper);
    // The visible time range of the shared axis (UTC seconds).
    QCPRange timeRange() const { return mRects[IntensityPanel]->axis(QCPAxis::atBottom)->range(); }
    double lastRedrawMs() const { return mLastRedrawMs; }

protected:
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void visibilityChanged();
    void readoutChanged(const QString &text);
    // The shared time axis moved (zoom, pan, reset, programmatic): views beside the timeline follow it.
    void timeRangeChanged(double lower, double upper);

private:
    void setupPanels();
    void rebuildScenario();
    void rebuildResults();
    void redraw();
    void updateLevels();
    // Fits each value axis to what is in view (intensity and requests from 0, cumulative CO2 to its span).
    void fitValueAxes();
    void fitModelTicks();
    void rebuildShares();
    // Share bars or step lines on the "Model chosen" panel, by the span in view and the panel's width.
    void updateModelMode();
    void applyTheme();
    void showTotalsRange();
    void styleLegendItem(QCPGraph *cumulative, bool visible);
    void showLegendMenu(QCPPlottableLegendItem *item, const QPoint &globalPos);
    void onMousePress(QMouseEvent *event);
    void onMouseMove(QMouseEvent *event);
    void onMouseRelease(QMouseEvent *event);
    void onRangeSelected(const QRect &rect, QMouseEvent *event);
    void onXRangeChanged(const QCPRange &range);

    struct Series
    {
        QCPGraph *graph = nullptr;
        EnvelopeSeries data;
        bool step = true;
        bool marked = false; // drawn with the policy's marker every ~30 px
    };
    struct PolicyGraphs
    {
        std::string spec;
        QCPGraph *model = nullptr; // adaptive policies only
        QCPGraph *cumulative = nullptr;
    };
    // A graph on `panel` over the points (step: held until the next point), kept in mSeries for envelope sampling.
    Series &addSeries(int panel, const QPen &pen, const QString &name, bool step, const std::vector<double> &keys,
                      const std::vector<double> &values);

    ScenarioDocument *mDocument;
    QCustomPlot *mPlot;
    QCPLegend *mLegend = nullptr;
    std::array<QCPAxisRect *, PanelCount> mRects{};
    std::array<QCPItemStraightLine *, PanelCount> mCursor{};
    std::array<QCPItemRect *, PanelCount> mRangeMarks{};
    std::array<QCPItemStraightLine *, 2> mThresholds{}; // C_low, C_high
    std::array<QCPItemText *, 2> mThresholdLabels{};
    std::vector<QCPItemStraightLine *> mSwitchLines; // where the heuristic's nearest model changes
    std::array<QCPItemRect *, 2> mCurtains{};          // over the model and cumulative panels
    QSharedPointer<QCPAxisTickerText> mModelTicker;
    std::vector<QString> mModelNames; // by energy rank
    std::vector<int> mRankOf;         // pool index -> energy rank
    std::unique_ptr<ModelShareView> mShares;
    std::string mSharePolicy;         // chosen in the totals table; empty: the first shown adaptive policy
    int mModelTickStep = 1;
    std::vector<Series> mSeries; // every graph with its envelopes, drawn at the level the zoom needs
    std::vector<PolicyGraphs> mPolicies;
    QSet<QString> mHidden;
    QLabel *mReadout;
    QString mPlotTip;
    double mCumulativeUnit = 1;
    double mLastRedrawMs = 0;
    bool mSyncing = false;
    bool mOverlaysVisible = true;
    bool mCursorShown = false;
    bool mTeaching = false;
    Sampling mSampling = Sampling::Envelope;
    QPoint mPressPos;
};

} // namespace cs
