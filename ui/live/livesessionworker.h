#pragma once

#include "live_interval.h"
#include "model_pool.h"
#include "scenario.h"

#include <QObject>
#include <QString>

#include <atomic>

namespace cs {

// Runs a live session (the LibTorch engine, an energy meter, a policy over a scenario replayed faster than real
// time) on the thread it lives on, reporting each interval as it is measured. stop() may be called from any
// thread; the session ends after its current interval.
class LiveSessionWorker : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        Scenario scenario;
        ModelPool pool;
        QString policySpec = QStringLiteral("heuristic");
        double intervalWallSeconds = 1;
        double requestRate = 5;         // per second at the trace's mean
        double durationSeconds = 60;
        int imageSize = 0;              // below 64: 224 on a GPU, 96 on a CPU
        QString recordPath;             // a project file to record into; empty: not recorded
        QString metricsAddress;         // HOST:PORT to serve Prometheus metrics on; empty: none
    };

    using QObject::QObject;

    static bool engineAvailable();      // built with LibTorch
    void stop() { mStop = true; }

public Q_SLOTS:
    void run(const cs::LiveSessionWorker::Config &config);

Q_SIGNALS:
    void status(const QString &text);
    void intervalDone(const cs::LiveInterval &row);
    void finished(const QString &summary);
    void failed(const QString &error);

private:
    std::atomic<bool> mStop{false};
};

} // namespace cs

Q_DECLARE_METATYPE(cs::LiveSessionWorker::Config)
Q_DECLARE_METATYPE(cs::LiveInterval)
