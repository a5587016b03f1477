#pragma once

#include "ecochart.h"
#include "eco_tier.h"
#include "eco_uptake.h"
#include "model_pool.h"
#include "scenario.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace cs {

// The Eco tab: design a two-tier eco subscription on the current scenario. Inputs are spin boxes and combos;
// every edit re-computes at once the design's outputs and three charts over eco share x discount (CO2 saved, cost
// per tonne avoided, net benefit), with the current design marked: a heat map where a figure varies with both, else a line over
// the one it varies with. Users choose their tier by default: the eco share follows the discount, from their
// valuations of quality, latency and CO2; latency comes from the pool where it was profiled, else is typed in.
// The scenario, pool and currency come from outside so the widget does not depend on the app's classes.
class EcoDesignerWidget : public QWidget
{
    Q_OBJECT

public:
    explicit EcoDesignerWidget(QWidget *parent = nullptr);

    // Copies what it needs; call again whenever the scenario or the pool changes.
    void setScenario(const Scenario &scenario, const ModelPool &pool);

    EcoTierDesign design() const;
    // Set when users choose their tier (then design().ecoShare is their choice at the design's discount).
    std::optional<EcoUptakeModel> uptake() const;
    const EcoTierResult &result() const { return mResult; }
    QCustomPlot *savedPlot() const { return mSaved.plot; }
    QCustomPlot *costPlot() const { return mCost.plot; }
    const EcoChart &savedChart() const { return mSaved; }
    const EcoChart &costChart() const { return mCost; }
    const EcoChart &netChart() const { return mNet; }

    // The ISO code money is shown in ("EUR").
    void setCurrency(const QString &code);

Q_SIGNALS:
    void recomputed(); // after every re-computation (tests and the status bar listen)

private:
    void recompute();
    void fillModels();
    void updateLatencyInputs();
    void updateCurrencyTexts();
    void drawChoiceCurve(const EcoTierDesign &d);
    void drawCharts(const EcoTierDesign &d);
    QString summary(const EcoTierDesign &d) const;
    QString money(double amount) const;

    Scenario mScenario;
    ModelPool mPool;
    EcoTierResult mResult;

    QComboBox *mStandard, *mEco, *mPricing, *mRule;
    QDoubleSpinBox *mShare, *mDiscount, *mPrice, *mUsers, *mThreshold, *mCarbonPrice, *mMaxDiscount;
    QCheckBox *mChoose;
    QDoubleSpinBox *mErrorValue, *mLatencyValue, *mCarbonValue;
    QDoubleSpinBox *mStandardLatency, *mEcoLatency; // typed in where the pool has no figure
    QLabel *mSummary;
    EcoChart mSaved, mCost, mNet;
    QString mCurrency = QStringLiteral("EUR");
};

} // namespace cs
