// The batch server: switching the model under load drops no request, batches stay within the maximum, a full
// queue drops what it cannot hold, and a switch is a store (well under 1 ms).
#include "batch_server.h"
#include "stub_engine.h"

#include <QtTest>

#include <chrono>
#include <thread>

using namespace cs;

class TestBatchServer : public QObject
{
    Q_OBJECT

private slots:
    void switchingUnderLoadDropsNothing()
    {
        StubEngine engine({"A", "B"}, 1.0); // 1 ms a batch
        BatchServerOptions o;
        o.maxBatch = 8;
        o.maxDelayMs = 2;
        o.dropAfterMs = 5000;
        BatchServer server(engine, o, 0);
        server.start();
        double slowestSwitch = 0;
        int submitted = 0;
        // 1500 requests over about 0.75 s (2 per ms, about 4 per 2 ms batch), switching every 10 requests.
        for (int i = 0; i < 1500; ++i) {
            server.submit();
            ++submitted;
            if (i % 10 == 0)
                slowestSwitch = std::max(slowestSwitch, server.switchModel((i / 10) % 2));
            if (i % 2 == 1)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        QVERIFY(server.drain(10));
        const ServerCounters c = server.take();
        QCOMPARE(c.submitted, static_cast<std::int64_t>(submitted));
        QCOMPARE(c.dropped, std::int64_t(0));
        QCOMPARE(c.served, static_cast<std::int64_t>(submitted));
        QCOMPARE(static_cast<std::int64_t>(c.latenciesMs.size()), c.served);
        QCOMPARE(c.servedByModel.at(0) + c.servedByModel.at(1), c.served); // both served, nothing else
        QVERIFY(c.servedByModel.at(0) > 0 && c.servedByModel.at(1) > 0);
        QVERIFY(engine.maxBatch <= 8);
        QVERIFY2(slowestSwitch < 1e-3, qPrintable(QString("slowest switch %1 s").arg(slowestSwitch)));
    }

    void fullQueueDropsTheOverflow()
    {
        StubEngine engine({"A"});
        BatchServerOptions o;
        o.maxBatch = 100;
        o.maxDelayMs = 0;
        o.queueCapacity = 10;
        BatchServer server(engine, o, 0);
        engine.close();
        server.start();
        server.submit();        // taken at once into a batch that blocks in run()
        engine.waitRunning(1);
        for (int i = 0; i < 50; ++i)
            server.submit();    // 10 fit in the queue, 40 are dropped
        engine.open();
        QVERIFY(server.drain(5));
        const ServerCounters c = server.take();
        QCOMPARE(c.submitted, std::int64_t(51));
        QCOMPARE(c.served, std::int64_t(11));
        QCOMPARE(c.dropped, std::int64_t(40));
    }

    void stopCountsQueuedAsDropped()
    {
        StubEngine engine({"A"});
        BatchServerOptions o;
        o.maxBatch = 1;
        o.maxDelayMs = 0;
        BatchServer server(engine, o, 0);
        engine.close();
        server.start();
        server.submit();
        engine.waitRunning(1);
        for (int i = 0; i < 5; ++i)
            server.submit();
        std::thread opener([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            engine.open();
        });
        server.stop();          // waits for the running batch; the 5 queued are dropped
        opener.join();
        const ServerCounters c = server.take();
        QCOMPARE(c.served, std::int64_t(1));
        QCOMPARE(c.dropped, std::int64_t(5));
    }
};

QTEST_GUILESS_MAIN(TestBatchServer)
#include "test_batch_server.moc"
