#include "ecodesignerwidget.h"

#include "eco_sweep.h"
#include "spinbox.h"

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
constexpr double notTyped = -1; // a latency box at its minimum: nothing typed in yet

// Plain decimals with about four significant digits, never "1e+05".
QString number(double v)
{
    if (std::isinf(v))
        return QStringLiteral("∞");
    const int magnitude = v == 0 ? 0 : static_cast<int>(std::floor(std::log10(std::fabs(v))));
    return QString::number(v, 'f', std::clamp(3 - magnitude, 0, 6));
}

// "512 g", "1.23 kg", "3.4 t", and the unit for a chart's axis.
std::pair<double, QString> massUnit(double grams)
{
    const double g = std::fabs(grams);
    return g >= 1e6 ? std::pair{1e6, QStringLiteral("t")} : g >= 1e3 ? std::pair{1e3, QStringLiteral("kg")}
                                                                   : std::pair{1.0, QStringLiteral("g")};
}

QString mass(double grams)
{
    const auto [unit, symbol] = massUnit(grams);
    return number(grams / unit) + QLatin1Char(' ') + symbol;
}

} // namespace

EcoDesignerWidget::EcoDesignerWidget(QWidget *parent)
    : QWidget(parent)
{
    mStandard = new QComboBox;
    mEco = new QComboBox;
    mShare = makeSpinBox("ecoShare", 0, 100, 20, 1, QStringLiteral(" %"), 5);
    mDiscount = makeSpinBox("ecoDiscount", 0, 100, 20, 1, QStringLiteral(" %"), 5);
    mPricing = new QComboBox;
    mPricing->addItems({tr("per request"), tr("per user per month")});
    mPrice = makeSpinBox("price", 0, 1e9, 0.001, 6, QString(), 0.001);
    mUsers = makeSpinBox("users", 0, 1e12, 1000, 0, QString(), 100);
    mRule = new QComboBox;
    mRule->addItems({tr("intensity at or above a threshold"), tr("the paper's heuristic on {standard, eco}")});
    mThreshold = makeSpinBox("threshold", 0, 5000, 250, 1, QStringLiteral(" gCO₂/kWh"), 10);
    mCarbonPrice = makeSpinBox("carbonPrice", 0, 1e9, 80, 2, QString(), 5);
    mMaxDiscount = makeSpinBox("maxDiscount", 1, 100, 50, 0, QStringLiteral(" %"), 5);
    mChoose = new QCheckBox(tr("Users choose their tier"));
    mChoose->setChecked(true); // the framework modelled: users' valuations decide who takes the discount
    mChoose->setToolTip(tr("A user takes the eco tier when the discount plus the CO₂ avoided (at the users' value of "
                           "CO₂) covers what the extra error and latency of their degraded requests are worth to them. "
                           "Users differ in how much a point of error is worth, evenly from 0 to the most sensitive "
                           "user's value. The eco share then follows the discount."));
    mErrorValue = makeSpinBox("errorValue", 0, 1e9, 0.0001, 6, QString(), 0.00001);
    mErrorValue->setToolTip(tr("What the most quality-sensitive user would pay per request to avoid one point more error"));
    mLatencyValue = makeSpinBox("latencyValue", 0, 1e9, 0, 6, QString(), 0.00001);
    mLatencyValue->setToolTip(tr("What a user would pay per request to avoid one ms more latency"));
    mCarbonValue = makeSpinBox("carbonValue", 0, 1e12, 0.08, 4, QString(), 0.01);
    mCarbonValue->setToolTip(tr("What avoiding one kg of CO₂ is worth to a user (0.08 = 80 per tonne)"));
    mStandardLatency = makeSpinBox("standardLatency", notTyped, 86'400'000, notTyped, 1, QStringLiteral(" ms"), 1);
    mEcoLatency = makeSpinBox("ecoLatency", notTyped, 86'400'000, notTyped, 1, QStringLiteral(" ms"), 1);
    for (QDoubleSpinBox *s : {mStandardLatency, mEcoLatency})
        s->setSpecialValueText(tr("type it in"));

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
    form->addRow(tr("Charts: discount up to"), mMaxDiscount);
    form->addRow(mChoose);
    form->addRow(tr("Extra error worth up to"), mErrorValue);
    form->addRow(tr("Extra latency worth"), mLatencyValue);
    form->addRow(tr("CO₂ avoided worth"), mCarbonValue);
    form->addRow(tr("Latency, standard model"), mStandardLatency);
    form->addRow(tr("Latency, eco model"), mEcoLatency);
    mSummary = new QLabel;
    mSummary->setTextFormat(Qt::RichText);
    mSummary->setWordWrap(true);
    mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *left = new QVBoxLayout;
    left->addWidget(inputs);
    left->addWidget(mSummary, 1);

    mSaved = EcoChart::make(tr("CO₂ saved against everyone on standard"), tr("g"), font());
    mCost = EcoChart::make(tr("Cost per tonne avoided"), QString(), font());
    mNet = EcoChart::make(tr("Net benefit: CO₂ avoided at the carbon price − revenue given up"), QString(), font());
    auto *lines = new QHBoxLayout;
    lines->addWidget(mSaved.plot, 1);
    lines->addWidget(mCost.plot, 1);
    auto *plots = new QVBoxLayout;
    plots->addLayout(lines, 1);
    plots->addWidget(mNet.plot, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 0);
    layout->addLayout(plots, 1);

    updateCurrencyTexts();
    connect(mChoose, &QCheckBox::toggled, this, &EcoDesignerWidget::recompute);
    for (QDoubleSpinBox *s : {mShare, mDiscount, mPrice, mUsers, mThreshold, mCarbonPrice, mMaxDiscount, mErrorValue,
                              mLatencyValue, mCarbonValue, mStandardLatency, mEcoLatency})
        connect(s, &QDoubleSpinBox::valueChanged, this, &EcoDesignerWidget::recompute);
    for (QComboBox *c : {mStandard, mEco, mPricing, mRule})
        connect(c, &QComboBox::currentIndexChanged, this, &EcoDesignerWidget::recompute);
    recompute();
}

void EcoDesignerWidget::setCurrency(const QString &code)
{
    mCurrency = code;
    updateCurrencyTexts();
    recompute();
}

QString EcoDesignerWidget::money(double amount) const
{
    return number(amount) + QChar(0x2009) + mCurrency;
}

void EcoDesignerWidget::updateCurrencyTexts()
{
    const QString c = QLatin1Char(' ') + mCurrency;
    mPrice->setSuffix(c);
    mCarbonPrice->setSuffix(c + tr("/t"));
    mErrorValue->setSuffix(c + tr(" per point"));
    mLatencyValue->setSuffix(c + tr(" per ms"));
    mCarbonValue->setSuffix(c + tr(" per kg CO₂"));
    mCost.plot->yAxis->setLabel(tr("%1 per t").arg(mCurrency));
    mCost.scale->axis()->setLabel(tr("%1 per t").arg(mCurrency));
    mNet.scale->axis()->setLabel(mCurrency);
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

// A latency box shows the pool's figure (read-only) where the model was profiled, else takes one typed in.
void EcoDesignerWidget::updateLatencyInputs()
{
    for (auto [box, combo] : {std::pair{mStandardLatency, mStandard}, std::pair{mEcoLatency, mEco}}) {
        const int m = mPool.indexOf(combo->currentText().toStdString());
        const std::optional<double> profiled = m >= 0 ? mPool.at(m).latencyMs : std::nullopt;
        const QSignalBlocker block(box);
        box->setEnabled(!profiled);
        if (profiled)
            box->setValue(*profiled);
        else if (box->property("profiled").toBool())
            box->setValue(notTyped); // the figure shown was the pool's, not typed in
        box->setProperty("profiled", profiled.has_value());
        box->setToolTip(profiled ? tr("From the pool (profiled or from its source)")
                                 : tr("The pool has no latency for this model: type it in (ms per request)"));
    }
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
    if (!m)
        return;
    const EcoUptakeTerms terms = ecoUptakeTerms(mScenario, mPool, d, *m);
    QVector<double> shares, discounts;
    for (double disc : evenlySpaced(0, mMaxDiscount->value() / 100, 101)) {
        shares << 100 * ecoUptakeShare(terms, *m, disc);
        discounts << 100 * disc;
    }
    for (QCPCurve *c : {mSaved.choice, mCost.choice, mNet.choice})
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
    if (mStandardLatency->isEnabled() && mStandardLatency->value() > notTyped)
        d.standardLatencyMs = mStandardLatency->value();
    if (mEcoLatency->isEnabled() && mEcoLatency->value() > notTyped)
        d.ecoLatencyMs = mEcoLatency->value();
    if (const std::optional<EcoUptakeModel> m = uptake()) {
        try {
            d.ecoShare = ecoUptakeShare(ecoUptakeTerms(mScenario, mPool, d, *m), *m, d.discount);
        } catch (const std::exception &) {
            // an invalid design: recompute() shows why
        }
    }
    return d;
}

void EcoDesignerWidget::drawCharts(const EcoTierDesign &d)
{
    EcoGrid saved, cost, net;
    for (EcoGrid *g : {&saved, &cost, &net}) {
        for (double s : evenlySpaced(0, 100, gridSteps))
            g->shares.push_back(s);
        for (double disc : evenlySpaced(0, mMaxDiscount->value(), gridSteps))
            g->discounts.push_back(disc);
    }
    const EcoSweep sweep = sweepEcoTier(mScenario, mPool, d, evenlySpaced(0, 1, gridSteps),
                                        evenlySpaced(0, mMaxDiscount->value() / 100, gridSteps));
    double largestSaved = 0;
    for (const EcoTierResult &r : sweep.results) {
        saved.values.push_back(r.savedCo2G);
        largestSaved = std::max(largestSaved, std::fabs(r.savedCo2G));
        // Where nothing is saved there is no cost per tonne: left empty.
        cost.values.push_back(std::isfinite(r.costPerTonne) ? r.costPerTonne : NAN);
        net.values.push_back(r.netBenefit);
    }
    const auto [unit, symbol] = massUnit(largestSaved);
    mSaved.scale->axis()->setLabel(symbol);
    const bool choose = mChoose->isChecked();
    mSaved.show(saved, unit, tr("CO₂ saved (%1)").arg(symbol), 100 * d.ecoShare, mDiscount->value(), choose);
    mCost.show(cost, 1, tr("%1 per t").arg(mCurrency), 100 * d.ecoShare, mDiscount->value(), choose);
    mNet.show(net, 1, mCurrency, 100 * d.ecoShare, mDiscount->value(), choose);
    for (QCustomPlot *plot : {mSaved.plot, mCost.plot, mNet.plot})
        plot->replot();
}

QString EcoDesignerWidget::summary(const EcoTierDesign &d) const
{
    const EcoTierResult &r = mResult;
    const double pct = r.baselineCo2G > 0 ? 100 * r.savedCo2G / r.baselineCo2G : 0;
    const auto source = [this](const QComboBox *combo) {
        const int m = mPool.indexOf(combo->currentText().toStdString());
        return m >= 0 && mPool.at(m).latencyMs ? tr("pool") : tr("typed in");
    };
    QString latency = tr("type the models' latency in the form (the pool has no figures for them)");
    if (r.standardLatencyMs && r.ecoLatencyMs)
        latency = tr("standard %1 ms (%2), eco tier %3 ms on average (%4)")
                      .arg(number(*r.standardLatencyMs), source(mStandard), number(*r.ecoLatencyMs), source(mEco));
    return tr("<b>CO₂ saved</b>: %1 of %2 (%3 %)<br><b>Revenue given up</b>: %4 of %5<br>"
              "<b>Cost per tonne avoided</b>: %6 — %7 than the carbon price %8<br><b>Net benefit</b>: %9<br>")
               .arg(mass(r.savedCo2G), mass(r.baselineCo2G), number(pct), money(r.revenueGivenUp),
                    money(r.revenueFull), money(r.costPerTonne), r.cheaperThanCarbonPrice ? tr("cheaper") : tr("dearer"),
                    money(d.carbonPricePerTonne), money(r.netBenefit)) +
           tr("<b>Error</b>: standard %1 %, eco %2 %<br><b>Latency</b>: %3<br>"
              "<b>Eco requests degraded</b>: %4 % (%5 of %6 intervals)<br>")
               .arg(number(r.standardErrorPct), number(r.ecoErrorPct), latency, number(100 * r.degradedShare))
               .arg(r.degradedIntervals)
               .arg(mScenario.size()) +
           (mChoose->isChecked() ? tr("<b>Eco share users choose</b> at this discount: %1 %<br>").arg(number(100 * d.ecoShare))
                                 : QString()) +
           tr("<small>A chart is a heat map where its figure varies with both the eco share and the discount (the "
              "net benefit; dashed: the shares users choose), else a line over the one it varies with: CO₂ saved "
              "grows with the eco share alone, the cost per tonne with the discount alone.</small>");
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
    updateLatencyInputs();
    const EcoTierDesign d = design();
    if (mChoose->isChecked()) { // the share box shows the users' choice
        const QSignalBlocker block(mShare);
        mShare->setValue(100 * d.ecoShare);
    }
    try {
        mResult = evaluateEcoTier(mScenario, mPool, d);
        drawChoiceCurve(d);
        drawCharts(d);
        mSummary->setText(summary(d));
    } catch (const std::exception &e) {
        mSummary->setText(tr("Cannot evaluate this design: %1").arg(QString::fromUtf8(e.what())));
    }
    Q_EMIT recomputed();
}

} // namespace cs
