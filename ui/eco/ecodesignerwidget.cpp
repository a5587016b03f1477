#include "ecodesignerwidget.h"

#include "eco_sweep.h"
#include "qcp.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <exception>

namespace cs {

namespace {

constexpr int gridSteps = 21; // 0, 5, ..., 100 % eco share; discounts likewise up to the chosen maximum

QDoubleSpinBox *spin(double lo, double hi, double value, int decimals, const QString &suffix, double step)
{
    auto *s = new QDoubleSpinBox;
    s->setRange(lo, hi);
    s->setDecimals(decimals);
    s->setSingleStep(step);
    s->setValue(value);
    s->setSuffix(suffix);
    s->setKeyboardTracking(false); // re-compute on a finished number, not on every digit typed
    return s;
}

QString number(double v)
{
    if (std::isinf(v))
        return QStringLiteral("∞");
    return QString::number(v, 'g', 4);
}

} // namespace

EcoDesignerWidget::EcoDesignerWidget(QWidget *parent)
    : QWidget(parent)
{
    mStandard = new QComboBox;
    mEco = new QComboBox;
    mShare = spin(0, 100, 20, 1, QStringLiteral(" %"), 5);
    mDiscount = spin(0, 100, 20, 1, QStringLiteral(" %"), 5);
    mPricing = new QComboBox;
    mPricing->addItems({tr("per request"), tr("per user per month")});
    mPrice = spin(0, 1e9, 0.001, 6, QString(), 0.001);
    mUsers = spin(0, 1e12, 1000, 0, QString(), 100);
    mRule = new QComboBox;
    mRule->addItems({tr("intensity at or above a threshold"), tr("the paper's heuristic on {standard, eco}")});
    mThreshold = spin(0, 5000, 250, 1, QStringLiteral(" gCO₂/kWh"), 10);
    mCarbonPrice = spin(0, 1e9, 80, 2, QStringLiteral(" / t"), 5);
    mMaxDiscount = spin(1, 100, 50, 0, QStringLiteral(" %"), 5);
    mChoose = new QCheckBox(tr("Users choose their tier"));
    mChoose->setToolTip(tr("A user takes the eco tier when the discount plus the CO₂ avoided (at the users' value of "
                           "CO₂) covers what the extra error and latency of their degraded requests are worth to them. "
                           "Users differ in how much a point of error is worth, evenly from 0 to the most sensitive "
                           "user's value. The eco share then follows the discount."));
    mErrorValue = spin(0, 1e9, 0.0001, 6, QStringLiteral(" per point"), 0.00001);
    mErrorValue->setToolTip(tr("What the most quality-sensitive user would pay per request to avoid one point more "
                               "error"));
    mLatencyValue = spin(0, 1e9, 0, 6, QStringLiteral(" per ms"), 0.00001);
    mLatencyValue->setToolTip(tr("What a user would pay per request to avoid one ms more latency (counted where the "
                                 "pool has latency figures)"));
    mCarbonValue = spin(0, 1e12, 0.08, 4, QStringLiteral(" per kg CO₂"), 0.01);
    mCarbonValue->setToolTip(tr("What avoiding one kg of CO₂ is worth to a user (0.08 = 80 per tonne)"));

    auto *inputs = new QGroupBox(tr("Tier design"));
    auto *form = new QFormLayout(inputs);
    form->addRow(tr("Standard model"), mStandard);
    form->addRow(tr("Eco model (when degraded)"), mEco);
    form->addRow(tr("Eco share of users/requests"), mShare);
    form->addRow(tr("Eco discount"), mDiscount);
    form->addRow(tr("Pricing"), mPricing);
    form->addRow(tr("Price"), mPrice);
    form->addRow(tr("Users (monthly pricing)"), mUsers);
    form->addRow(tr("Degrade eco requests when"), mRule);
    form->addRow(tr("Threshold"), mThreshold);
    form->addRow(tr("Carbon price to compare"), mCarbonPrice);
    form->addRow(tr("Heat maps: discount up to"), mMaxDiscount);
    form->addRow(mChoose);
    form->addRow(tr("Extra error worth up to"), mErrorValue);
    form->addRow(tr("Extra latency worth"), mLatencyValue);
    form->addRow(tr("CO₂ avoided worth"), mCarbonValue);
    mSummary = new QLabel;
    mSummary->setTextFormat(Qt::RichText);
    mSummary->setWordWrap(true);
    mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *left = new QVBoxLayout;
    left->addWidget(inputs);
    left->addWidget(mSummary, 1);

    mSavedPlot = makeHeatMap(tr("CO₂ saved against everyone on standard"), tr("g"), &mSavedMap, &mSavedMarker,
                             &mSavedChoice);
    mCostPlot = makeHeatMap(tr("Cost per tonne avoided (log colour)"), tr("per t"), &mCostMap, &mCostMarker,
                            &mCostChoice);
    mCostMap->setDataScaleType(QCPAxis::stLogarithmic);
    auto *plots = new QVBoxLayout;
    plots->addWidget(mSavedPlot, 1);
    plots->addWidget(mCostPlot, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 0);
    layout->addLayout(plots, 1);

    connect(mChoose, &QCheckBox::toggled, this, &EcoDesignerWidget::recompute);
    for (QDoubleSpinBox *s : {mShare, mDiscount, mPrice, mUsers, mThreshold, mCarbonPrice, mMaxDiscount, mErrorValue,
                              mLatencyValue, mCarbonValue})
        connect(s, &QDoubleSpinBox::valueChanged, this, &EcoDesignerWidget::recompute);
    for (QComboBox *c : {mStandard, mEco, mPricing, mRule})
        connect(c, &QComboBox::currentIndexChanged, this, &EcoDesignerWidget::recompute);
    recompute();
}

QCustomPlot *EcoDesignerWidget::makeHeatMap(const QString &title, const QString &gradientLabel, QCPColorMap **map,
                                            QCPGraph **marker, QCPCurve **choice)
{
    auto *plot = new QCustomPlot;
    plot->setMinimumSize(320, 220);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, QFont(font().family(), font().pointSize(),
                                                                              QFont::Bold)));
    plot->xAxis->setLabel(tr("Eco share (%)"));
    plot->yAxis->setLabel(tr("Discount (%)"));
    *map = new QCPColorMap(plot->xAxis, plot->yAxis);
    auto *scale = new QCPColorScale(plot);
    plot->plotLayout()->addElement(1, 1, scale);
    scale->setType(QCPAxis::atRight);
    scale->axis()->setLabel(gradientLabel);
    (*map)->setColorScale(scale);
    QCPColorGradient gradient(QCPColorGradient::gpThermal);
    gradient.setNanHandling(QCPColorGradient::nhTransparent); // cells with no value (nothing saved) stay empty
    (*map)->setGradient(gradient);
    (*map)->setInterpolate(false);
    auto *group = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    *marker = plot->addGraph();
    (*marker)->setLineStyle(QCPGraph::lsNone);
    (*marker)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCrossCircle, QPen(Qt::white, 2), Qt::NoBrush, 12));
    // The shares users choose, discount by discount (a curve: several discounts may give the same share).
    *choice = new QCPCurve(plot->xAxis, plot->yAxis);
    (*choice)->setPen(QPen(Qt::white, 2, Qt::DashLine));
    (*choice)->setVisible(false);
    return plot;
}

void EcoDesignerWidget::setScenario(const Scenario &scenario, const ModelPool &pool)
{
    mScenario = scenario;
    mPool = pool;
    fillModels();
    recompute();
}

void EcoDesignerWidget::fillModels()
{
    const QString standard = mStandard->currentText(), eco = mEco->currentText();
    const QSignalBlocker b1(mStandard), b2(mEco);
    mStandard->clear();
    mEco->clear();
    int best = 0, smallest = 0;
    for (int m = 0; m < mPool.size(); ++m) {
        const QString name = QString::fromStdString(mPool.at(m).name);
        mStandard->addItem(name);
        mEco->addItem(name);
        if (mPool.at(m).errorPct < mPool.at(best).errorPct)
            best = m;
        if (mPool.at(m).energyMj < mPool.at(smallest).energyMj)
            smallest = m;
    }
    // Keep the user's choice where the model is still there; else least error / least energy.
    const int s = mStandard->findText(standard), e = mEco->findText(eco);
    mStandard->setCurrentIndex(s >= 0 ? s : best);
    mEco->setCurrentIndex(e >= 0 ? e : smallest);
}

std::optional<EcoUptakeModel> EcoDesignerWidget::uptake() const
{
    if (!mChoose->isChecked())
        return std::nullopt;
    EcoUptakeModel m;
    m.maxErrorValuePerPoint = mErrorValue->value();
    m.latencyValuePerMs = mLatencyValue->value();
    m.carbonValuePerKg = mCarbonValue->value();
    return m;
}

void EcoDesignerWidget::drawChoiceCurve(const EcoTierDesign &d)
{
    const std::optional<EcoUptakeModel> m = uptake();
    for (QCPCurve *c : {mSavedChoice, mCostChoice})
        c->setVisible(m.has_value());
    if (!m)
        return;
    const EcoUptakeTerms terms = ecoUptakeTerms(mScenario, mPool, d, *m);
    QVector<double> shares, discounts;
    for (double disc : evenlySpaced(0, mMaxDiscount->value() / 100, 101)) {
        shares << 100 * ecoUptakeShare(terms, *m, disc);
        discounts << 100 * disc;
    }
    for (QCPCurve *c : {mSavedChoice, mCostChoice})
        c->setData(shares, discounts);
}

EcoTierDesign EcoDesignerWidget::design() const
{
    EcoTierDesign d;
    d.ecoShare = mShare->value() / 100;
    d.discount = mDiscount->value() / 100;
    d.pricing = mPricing->currentIndex() == 0 ? EcoTierDesign::Pricing::PerRequest : EcoTierDesign::Pricing::PerMonth;
    d.pricePerRequest = mPrice->value();
    d.pricePerMonth = mPrice->value();
    d.users = mUsers->value();
    d.rule = mRule->currentIndex() == 0 ? EcoTierDesign::Rule::Threshold : EcoTierDesign::Rule::Heuristic;
    d.thresholdGPerKwh = mThreshold->value();
    d.standardModel = mStandard->currentText().toStdString();
    d.ecoModel = mEco->currentText().toStdString();
    d.carbonPricePerTonne = mCarbonPrice->value();
    if (const std::optional<EcoUptakeModel> m = uptake()) {
        try {
            d.ecoShare = ecoUptakeShare(ecoUptakeTerms(mScenario, mPool, d, *m), *m, d.discount);
        } catch (const std::exception &) {
            // an invalid design: recompute() shows why
        }
    }
    return d;
}

void EcoDesignerWidget::recompute()
{
    mUsers->setEnabled(mPricing->currentIndex() == 1);
    mThreshold->setEnabled(mRule->currentIndex() == 0);
    for (QDoubleSpinBox *s : {mErrorValue, mLatencyValue, mCarbonValue})
        s->setEnabled(mChoose->isChecked());
    mShare->setEnabled(!mChoose->isChecked());
    if (mScenario.empty() || mPool.models.empty()) {
        mSummary->setText(tr("No scenario loaded."));
        Q_EMIT recomputed();
        return;
    }
    const EcoTierDesign d = design();
    if (mChoose->isChecked()) { // the share box shows the users' choice
        const QSignalBlocker block(mShare);
        mShare->setValue(100 * d.ecoShare);
    }
    try {
        mResult = evaluateEcoTier(mScenario, mPool, d);
        drawChoiceCurve(d);
        const std::vector<double> shares = evenlySpaced(0, 1, gridSteps);
        const std::vector<double> discounts = evenlySpaced(0, mMaxDiscount->value() / 100, gridSteps);
        const EcoSweep sweep = sweepEcoTier(mScenario, mPool, d, shares, discounts);
        for (auto [map, saved] : {std::pair{mSavedMap, true}, std::pair{mCostMap, false}}) {
            map->data()->setSize(gridSteps, gridSteps);
            map->data()->setRange(QCPRange(0, 100), QCPRange(0, mMaxDiscount->value()));
            double lo = INFINITY, hi = -INFINITY;
            for (int a = 0; a < gridSteps; ++a)
                for (int b = 0; b < gridSteps; ++b) {
                    const EcoTierResult &r = sweep.at(static_cast<std::size_t>(a), static_cast<std::size_t>(b));
                    // Cells that save nothing or cost nothing have no cost per tonne on a log scale: left empty.
                    const double v = saved ? r.savedCo2G
                                           : (std::isfinite(r.costPerTonne) && r.costPerTonne > 0 ? r.costPerTonne
                                                                                                  : qQNaN());
                    map->data()->setCell(a, b, v);
                    if (std::isfinite(v)) {
                        lo = std::min(lo, v);
                        hi = std::max(hi, v);
                    }
                }
            if (lo <= hi)
                map->setDataRange(QCPRange(lo, hi > lo ? hi : lo * 1.01 + 1e-12));
        }
        for (QCPGraph *marker : {mSavedMarker, mCostMarker})
            marker->setData(QVector<double>{100 * d.ecoShare}, QVector<double>{mDiscount->value()});
        for (QCustomPlot *plot : {mSavedPlot, mCostPlot}) {
            plot->xAxis->setRange(-2.5, 102.5);
            plot->yAxis->setRange(-mMaxDiscount->value() / 40, mMaxDiscount->value() * 41 / 40);
            plot->replot();
        }

        const EcoTierResult &r = mResult;
        const double pct = r.baselineCo2G > 0 ? 100 * r.savedCo2G / r.baselineCo2G : 0;
        QString latency = tr("not known (the pool has no latency figures)");
        if (r.standardLatencyMs && r.ecoLatencyMs)
            latency = tr("standard %1 ms, eco %2 ms").arg(number(*r.standardLatencyMs), number(*r.ecoLatencyMs));
        mSummary->setText(
            tr("<b>CO₂ saved</b>: %1 g of %2 g (%3 %)<br><b>Revenue given up</b>: %4 of %5<br>"
               "<b>Cost per tonne avoided</b>: %6 — %7 than the carbon price %8<br><b>Net benefit</b>: %9<br>"
               "<b>Error</b>: standard %10 %, eco %11 %<br><b>Latency</b>: %12<br>"
               "<b>Eco requests degraded</b>: %13 % (%14 of %15 intervals)<br>%16"
               "<small>Under per-request or per-user pricing, CO₂ saved grows with the eco share alone and the cost "
               "per tonne with the discount alone.</small>")
                .arg(number(r.savedCo2G), number(r.baselineCo2G), number(pct), number(r.revenueGivenUp),
                     number(r.revenueFull), number(r.costPerTonne), r.cheaperThanCarbonPrice ? tr("cheaper") : tr("dearer"),
                     number(d.carbonPricePerTonne), number(r.netBenefit))
                .arg(number(r.standardErrorPct), number(r.ecoErrorPct), latency, number(100 * r.degradedShare))
                .arg(r.degradedIntervals)
                .arg(mScenario.size())
                .arg(mChoose->isChecked() ? tr("<b>Eco share users choose</b> at this discount: %1 % (the dashed "
                                               "curve on the maps: their choice at every discount)<br>")
                                                .arg(number(100 * d.ecoShare))
                                          : QString()));
    } catch (const std::exception &e) {
        mSummary->setText(tr("Cannot evaluate this design: %1").arg(QString::fromUtf8(e.what())));
    }
    Q_EMIT recomputed();
}

} // namespace cs
