// The batch server: switching the model under load drops no request, batches stay within the maximum, a full
// queue drops what it cannot hold, and a switch never waits for the running batch. Nothing here depends on how
// fast this machine is: no duration is asserted, requests never age out (dropAfterMs of days), and the order of
// events is set with the stub engine's gate, not with sleeps.
#include "batch_server.h"
#include "stub_engine.h"

#include <QtTest>

#include <chrono>
#include <future>
#include <thread>

using namespace cs;

class TestBatchServer : public QObject
{
    Q_OBJECT

private slots:
    void switchingUnderLoadDropsNothing()
    {
        StubEngine engine({"A", "B"}, 1.0); // 1 ms a batch
        BatchServerOptions o = patient(8);
        o.maxDelayMs = 2;
        BatchServer server(engine, o, 0);
        server.start();
        int submitted = 0;
        // 1500 requests, 2 per ms where the machine keeps up, switching every 10 requests. How the requests fall
        // into batches and models depends on the scheduler; what is checked holds for every schedule.
        for (int i = 0; i < 1500; ++i) {
            server.submit();
            ++submitted;
            if (i % 10 == 0)
                server.switchModel((i / 10) % 2);
            if (i % 2 == 1)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        QVERIFY(server.drain(generousSeconds));
        const ServerCounters c = server.take();
        QCOMPARE(c.submitted, static_cast<std::int64_t>(submitted));
        QCOMPARE(c.dropped, std::int64_t(0));
        QCOMPARE(c.served, static_cast<std::int64_t>(submitted));
        QCOMPARE(static_cast<std::int64_t>(c.latenciesMs.size()), c.served);
        std::int64_t byModel = 0;
        for (const auto &[model, served] : c.servedByModel) {
            QVERIFY(model == 0 || model == 1);
            byModel += served;
        }
        QCOMPARE(byModel, c.served); // every request served by one of the two, none twice
        QVERIFY(engine.maxBatch <= 8);
    }

    void aSwitchDoesNotWaitForTheRunningBatch()
    {
        StubEngine engine({"A", "B"});
        BatchServer server(engine, patient(8), 0);
        startWithOneBatchHeld(server, engine); // batch 1 (model A) holds in run() until the gate opens
        // The switch returns while batch 1 still runs (were it to wait for the batch, it would never return).
        auto switched = std::async(std::launch::async, [&] { server.switchModel(1); });
        QVERIFY(switched.wait_for(std::chrono::seconds(generousSeconds)) == std::future_status::ready);
        QCOMPARE(server.activeModel(), 1);
        for (int i = 0; i < 3; ++i)
            server.submit();            // queued behind batch 1, served by B
        engine.open();
        QVERIFY(server.drain(generousSeconds));
        const ServerCounters c = server.take();
        QCOMPARE(c.served, std::int64_t(4));
        QCOMPARE(c.servedByModel, (std::map<int, std::int64_t>{{0, 1}, {1, 3}}));
        QCOMPARE(engine.modelsRun, (std::set<int>{0, 1}));
    }

    void fullQueueDropsTheOverflow()
    {
        StubEngine engine({"A"});
        BatchServerOptions o = patient(100);
        o.queueCapacity = 10;
        BatchServer server(engine, o, 0);
        startWithOneBatchHeld(server, engine); // taken at once into a batch that blocks in run()
        for (int i = 0; i < 50; ++i)
            server.submit();    // 10 fit in the queue, 40 are dropped
        engine.open();
        QVERIFY(server.drain(generousSeconds));
        const ServerCounters c = server.take();
        QCOMPARE(c.submitted, std::int64_t(51));
        QCOMPARE(c.served, std::int64_t(11));
        QCOMPARE(c.dropped, std::int64_t(40));
    }

    void stopCountsQueuedAsDropped()
    {
        StubEngine engine({"A"});
        BatchServer server(engine, patient(1), 0);
        startWithOneBatchHeld(server, engine);
        for (int i = 0; i < 5; ++i)
            server.submit();
        // The gate opens only once stop() has begun, whatever the scheduler does: until then a probe request is
        // queued (no drop while the gate is shut), from then on it is dropped as it arrives. Probes are counted
        // apart: every one ends dropped, at its arrival or with the queue at stop().
        ServerCounters seen;
        std::int64_t probes = 0;
        std::thread opener([&] {
            for (;;) {
                server.submit();
                ++probes;
                const ServerCounters c = server.take();
                seen.served += c.served;
                seen.dropped += c.dropped;
                if (c.dropped > 0)
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            engine.open();
        });
        server.stop();          // waits for the running batch; the 5 queued are dropped
        opener.join();
        const ServerCounters c = server.take();
        QVERIFY(probes >= 1);
        QCOMPARE(seen.served + c.served, std::int64_t(1));
        QCOMPARE(seen.dropped + c.dropped, 5 + probes);
        QCOMPARE(engine.batches, 1);
    }

private:
    // Batches of at most `maxBatch` that leave at once; requests never age out.
    static BatchServerOptions patient(int maxBatch)
    {
        BatchServerOptions o;
        o.maxBatch = maxBatch;
        o.maxDelayMs = 0;
        o.dropAfterMs = neverAgesOut;
        return o;
    }

    // Starts the server with one request whose batch holds in the stub's run() until engine.open().
    static void startWithOneBatchHeld(BatchServer &server, StubEngine &engine)
    {
        engine.close();
        server.start();
        server.submit();
        engine.waitRunning(1);
    }

    static constexpr double neverAgesOut = 1e9;  // ms: a request queued on a loaded machine is never too old
    static constexpr int generousSeconds = 120;  // a bound on waits that succeed in milliseconds when all is well
};

QTEST_GUILESS_MAIN(TestBatchServer)
#include "test_batch_server.moc"
