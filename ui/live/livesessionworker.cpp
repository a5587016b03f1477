#include "livesessionworker.h"

#include "inference_engine.h"
#include "intensity_feed.h"
#include "live_runner.h"
#include "meter_factory.h"
#include "policy_factory.h"
#include "live_outputs.h"
#include "torch_engine_loader.h"

#include <exception>
#include <filesystem>
#include <memory>

namespace cs {

bool LiveSessionWorker::engineAvailable()
{
    // The LibTorch module is loaded on the first run; here only whether one is there to load (not its 160 MB).
    for (const std::string &candidate : torchModuleCandidates())
        if (std::filesystem::exists(candidate))
            return true;
    return false;
}

void LiveSessionWorker::run(const Config &config)
{
    mStop = false;
    try {
        const PolicyPtr policy = makePolicy(config.policySpec.toStdString());
        EngineOptions eo;
        eo.imageSize = config.imageSize;
        if (eo.imageSize < 64) { // auto: full size on a GPU; a CPU serves 96 px inputs to keep up
            eo.device = "auto";
            auto probe = makeInferenceEngine(eo);
            eo.imageSize = probe->onGpu() ? 224 : 96;
        }
        eo.graphBatchSizes = graphBatchSizes(16);
        auto engine = makeInferenceEngine(eo);
        if (!engine->notice().empty())
            Q_EMIT status(QString::fromStdString(engine->notice()));
        const QString sizeNote = eo.imageSize == 224
                                     ? QString()
                                     : tr(" Inputs are %1 px (not 224): latency and energy are not the pool's.")
                                           .arg(eo.imageSize);
        Q_EMIT status(tr("Loading %1 models on %2…").arg(config.pool.size())
                          .arg(QString::fromStdString(engine->deviceName())));
        for (const Model &m : config.pool.models) {
            if (mStop)
                return Q_EMIT finished(tr("Stopped while loading."));
            engine->prepare(engine->addBuiltin(m.name), 1);
        }
        auto meter = makeEnergyMeter("auto", engine->onGpu());
        Q_EMIT status(QString::fromStdString(meter->notice()));

        ReplayFeed feed(config.scenario);
        LiveOptions lo;
        lo.intervalWallSeconds = config.intervalWallSeconds;
        lo.meanRequestRate = config.requestRate;
        lo.durationSeconds = config.durationSeconds;
        lo.server.maxBatch = 16;
        lo.server.maxDelayMs = 20;
        lo.drainSeconds = 10;
        LiveSessionHeader h;
        h.label = "Live tab: " + config.policySpec.toStdString() + " on " + engine->deviceName();
        h.device = engine->deviceName() + ", LibTorch " + torchVersion();
        h.meter = meter->available() ? meter->name() : meter->notice();
        h.policySpec = config.policySpec.toStdString();
        h.poolName = config.pool.name;
        h.carbonSource = config.scenario.carbonSource;
        h.intervalSeconds = config.scenario.intervalSeconds;

        LiveOutputs outputs({config.recordPath.toStdString(), config.metricsAddress.toStdString(), {}}, config.pool,
                            *meter, engine->onGpu() ? engine->deviceName() : std::string());
        outputs.start(h);
        if (!config.metricsAddress.isEmpty())
            Q_EMIT status(tr("Prometheus metrics at %1").arg(QString::fromStdString(outputs.metricsUrl())));
        Q_EMIT status(tr("Serving on %1; %2.%3")
                          .arg(QString::fromStdString(engine->deviceName()), QString::fromStdString(h.meter),
                               sizeNote));
        const LiveSummary sum = runLiveSession(
            *engine, *meter, feed, *policy, config.pool, h, lo, outputs.sink(),
            [this](const LiveInterval &r) { Q_EMIT intervalDone(r); },
            &mStop);
        Q_EMIT finished(tr("%1 intervals, %2 served, %3 dropped%4")
                            .arg(sum.intervals)
                            .arg(sum.served)
                            .arg(sum.dropped)
                            .arg(sum.co2G ? tr(", %1 g CO₂ measured").arg(*sum.co2G, 0, 'g', 4)
                                          : tr(", no energy meter here: CO₂ not measured")));
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
}

} // namespace cs
