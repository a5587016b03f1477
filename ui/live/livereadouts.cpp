#include "livereadouts.h"

#include <QGridLayout>
#include <QLabel>

namespace cs {

namespace {

const QString notMeasured = QStringLiteral("—");

QString grams(double g)
{
    return QObject::tr("%1 g").arg(g, 0, 'g', 4);
}

} // namespace

LiveReadouts::LiveReadouts(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    auto add = [&](int col, const QString &title, QLabel *&value) {
        auto *t = new QLabel(title, this);
        t->setStyleSheet(QStringLiteral("color: gray"));
        value = new QLabel(notMeasured, this);
        QFont f = value->font();
        f.setPointSizeF(f.pointSizeF() * 1.3);
        f.setBold(true);
        value->setFont(f);
        grid->addWidget(t, 0, col);
        grid->addWidget(value, 1, col);
    };
    add(0, tr("Intensity"), mIntensity);
    add(1, tr("Model"), mModel);
    add(2, tr("Power"), mPower);
    add(3, tr("Latency p50 / p99"), mLatency);
    add(4, tr("Served / dropped"), mServed);
    add(5, tr("CO₂ measured / predicted"), mCo2);
}

void LiveReadouts::clear()
{
    for (QLabel *l : {mIntensity, mModel, mPower, mLatency, mServed, mCo2})
        l->setText(notMeasured);
    mTotals = {};
}

void LiveReadouts::show(const LiveInterval &row)
{
    mTotals.add(row);
    mIntensity->setText(tr("%1 gCO₂/kWh").arg(row.intensity, 0, 'f', 0));
    mModel->setText(QString::fromStdString(row.model));
    mPower->setText(row.meanPowerW ? tr("%1 W").arg(*row.meanPowerW, 0, 'f', 0) : notMeasured);
    mLatency->setText(row.latencyP50Ms && row.latencyP99Ms ? tr("%1 / %2 ms").arg(*row.latencyP50Ms, 0, 'f', 2).arg(*row.latencyP99Ms, 0, 'f', 2)
                                             : notMeasured);
    mServed->setText(tr("%1 / %2").arg(mTotals.served).arg(mTotals.dropped));
    const std::optional<double> measured = mTotals.co2G();
    mCo2->setText(tr("%1 / %2").arg(measured ? grams(*measured) : notMeasured, grams(mTotals.predictedCo2G)));
}

QString LiveReadouts::modelText() const
{
    return mModel->text();
}

QString LiveReadouts::powerText() const
{
    return mPower->text();
}

QString LiveReadouts::latencyText() const
{
    return mLatency->text();
}

QString LiveReadouts::co2Text() const
{
    return mCo2->text();
}

} // namespace cs
