#pragma once

#include "eco_tier.h"
#include "eco_uptake.h"
#include "model_pool.h"
#include "scenario.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QCPColorMap;
class QCPCurve;
class QCPGraph;
class QDoubleSpinBox;
class QLabel;

namespace cs {

// The Eco tab: design a two-tier eco subscription on the current scenario. Inputs are spin boxes and combos;
// every edit re-computes at once the design's outputs and two heat maps over eco share x discount (CO2 saved,
// cost per tonne avoided), with the current design marked. Where users choose their tier, the eco share follows
// the discount and the maps draw the curve of the shares users would choose. The scenario and pool come from outside (setScenario)
// so the widget does not depend on the app's document class.
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
    QCustomPlot *savedPlot() const { return mSavedPlot; }
    QCustomPlot *costPlot() const { return mCostPlot; }

Q_SIGNALS:
    void recomputed(); // after every re-computation (tests and the status bar listen)

private:
    void recompute();
    void fillModels();
    QCustomPlot *makeHeatMap(const QString &title, const QString &gradientLabel, QCPColorMap **map, QCPGraph **marker,
                             QCPCurve **choice);
    void drawChoiceCurve(const EcoTierDesign &d);

    Scenario mScenario;
    ModelPool mPool;
    EcoTierResult mResult;

    QComboBox *mStandard, *mEco, *mPricing, *mRule;
    QDoubleSpinBox *mShare, *mDiscount, *mPrice, *mUsers, *mThreshold, *mCarbonPrice, *mMaxDiscount;
    QCheckBox *mChoose;
    QDoubleSpinBox *mErrorValue, *mLatencyValue, *mCarbonValue;
    QLabel *mSummary;
    QCustomPlot *mSavedPlot, *mCostPlot;
    QCPColorMap *mSavedMap = nullptr, *mCostMap = nullptr;
    QCPGraph *mSavedMarker = nullptr, *mCostMarker = nullptr;
    QCPCurve *mSavedChoice = nullptr, *mCostChoice = nullptr;
};

} // namespace cs
