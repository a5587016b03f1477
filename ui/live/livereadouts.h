#pragma once

#include "live_totals.h"

#include <QWidget>

class QLabel;

namespace cs {

// The Live tab's row of readouts: intensity, model, power, latency, served/dropped and cumulative CO2 measured
// against predicted. What the machine does not measure reads "—", never 0; the measured CO2 is "—" as soon as one
// interval went unmeasured (its total would be too small).
class LiveReadouts : public QWidget
{
    Q_OBJECT

public:
    explicit LiveReadouts(QWidget *parent = nullptr);

    void clear();
    void show(const LiveInterval &row);

    QString modelText() const;
    QString powerText() const;
    QString latencyText() const;
    QString co2Text() const;

private:
    QLabel *mIntensity;
    QLabel *mModel;
    QLabel *mPower;
    QLabel *mLatency;
    QLabel *mServed;
    QLabel *mCo2;
    LiveTotals mTotals;
};

} // namespace cs
