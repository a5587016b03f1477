// The LibTorch pool on the CPU: every architecture has torchvision's parameter count (published figures, not
// ours) and gives [batch, 1000] finite logits; folding batch-norm into the convolutions keeps the outputs;
// switching between two real models under load drops no request. Small inputs (64 px) keep it fast.
#include "batch_server.h"
#include "inference_engine.h"
#include "parse_error.h"

#include <QtTest>

#include <cmath>
#include <thread>

using namespace cs;

namespace {
EngineOptions cpuOptions(bool fold)
{
    EngineOptions o;
    o.device = "cpu";
    o.imageSize = 64;
    o.foldBatchNorm = fold;
    o.warmupBatches = 1;
    return o;
}
double relativeError(const std::vector<float> &a, const std::vector<float> &b)
{
    double num = 0, den = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        num += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
        den += double(a[i]) * a[i];
    }
    return std::sqrt(num / den);
}
} // namespace

class TestEngineModels : public QObject
{
    Q_OBJECT

private slots:
    void architecture_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qlonglong>("parameters");
        // torchvision's model documentation, "num_params" of each IMAGENET1K_V1 weight.
        QTest::newRow("AlexNet") << "AlexNet" << 61100840ll;
        QTest::newRow("VGG16") << "VGG16" << 138357544ll;
        QTest::newRow("VGG19") << "VGG19" << 143667240ll;
        QTest::newRow("ResNet18") << "ResNet18" << 11689512ll;
        QTest::newRow("ResNet34") << "ResNet34" << 21797672ll;
        QTest::newRow("ResNet50") << "ResNet50" << 25557032ll;
        QTest::newRow("ResNet101") << "ResNet101" << 44549160ll;
        QTest::newRow("ResNet152") << "ResNet152" << 60192808ll;
    }
    void architecture()
    {
        QFETCH(QString, name);
        QFETCH(qlonglong, parameters);
        auto engine = makeInferenceEngine(cpuOptions(true));
        QVERIFY(!engine->onGpu());
        const int i = engine->addBuiltin(name.toStdString());
        QCOMPARE(engine->modelInfo(i).parameters, static_cast<std::int64_t>(parameters));
        // outputShape also checks every logit is finite (it throws otherwise).
        QCOMPARE(engine->outputShape(i, 2), (std::vector<std::int64_t>{2, 1000}));
    }

    void foldingKeepsTheOutputs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("ResNet18") << "ResNet18";
        QTest::newRow("ResNet50") << "ResNet50";
    }
    void foldingKeepsTheOutputs()
    {
        QFETCH(QString, name);
        auto plain = makeInferenceEngine(cpuOptions(false));
        auto folded = makeInferenceEngine(cpuOptions(true));
        // Same seed and index: the same random weights in both.
        const auto a = plain->outputs(plain->addBuiltin(name.toStdString()), 2, 7);
        const auto b = folded->outputs(folded->addBuiltin(name.toStdString()), 2, 7);
        QCOMPARE(a.size(), std::size_t(2000));
        const double err = relativeError(a, b);
        QVERIFY2(err < 1e-4, qPrintable(QString("relative error %1").arg(err))); // fp32 rounding only
        QVERIFY(relativeError(a, plain->outputs(0, 2, 8)) > 1e-3); // other inputs, other outputs
    }

    void badRequestsAreRefused()
    {
        auto engine = makeInferenceEngine(cpuOptions(true));
        QVERIFY_EXCEPTION_THROWN(engine->addBuiltin("GoogLeNet"), InputError);
        QVERIFY_EXCEPTION_THROWN(engine->addTorchScript("/nonexistent/model.pt", "Mine"), InputError);
        EngineOptions half = cpuOptions(true);
        half.precision = Precision::Fp16;
        if (!makeInferenceEngine(cpuOptions(true))->onGpu())
            QVERIFY_EXCEPTION_THROWN(makeInferenceEngine(half), InputError);
    }

    void switchingRealModelsUnderLoad()
    {
        auto engine = makeInferenceEngine(cpuOptions(true)); // 64 px: AlexNet needs 63 at least
        engine->addBuiltin("ResNet18");
        engine->addBuiltin("AlexNet");
        BatchServerOptions so;
        so.maxBatch = 4;
        so.maxDelayMs = 2;
        so.dropAfterMs = 1e9; // no deadline: a slow CI machine must not turn lateness into drops
        BatchServer server(*engine, so, 0);
        server.start();
        // 20 requests for ResNet18; once its first batch is out (the rest still queued or running), switch to
        // AlexNet and send 20 more in groups of 5, switching back and forth between groups. Both models serve
        // whatever the scheduler does: ResNet18 the first batch, AlexNet the last group, sent after the last switch.
        for (int i = 0; i < 20; ++i)
            server.submit();
        QTRY_VERIFY_WITH_TIMEOUT(server.servedSinceTake() > 0, 120000);
        server.switchModel(1);
        for (int i = 0; i < 20; ++i) {
            if (i % 5 == 0)
                server.switchModel(i == 5 ? 0 : 1); // AlexNet, ResNet18, AlexNet, AlexNet
            server.submit();
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        QVERIFY(server.drain(300));
        const ServerCounters c = server.take();
        QVERIFY2(server.lastError().empty(), server.lastError().c_str());
        QCOMPARE(c.submitted, std::int64_t(40));
        QCOMPARE(c.served, std::int64_t(40));
        QCOMPARE(c.dropped, std::int64_t(0));
        QVERIFY(server.lastError().empty());
        QCOMPARE(static_cast<int>(c.servedByModel.size()), 2);
    }
};

QTEST_GUILESS_MAIN(TestEngineModels)
#include "test_engine_models.moc"
