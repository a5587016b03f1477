// Model pools: the paper's Table 1, JSON round trip, and refusals with their place in the file.
#include "error_text.h"
#include "parse_error.h"
#include "pool_json.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cs;

static QString errorOf(const std::string &text)
{
    return errorText<ParseError>([&] { parsePoolJson(text, "pool.json"); });
}

class TestPoolJson : public QObject
{
    Q_OBJECT
private slots:
    void tableOne()
    {
        const ModelPool p = paperPool();
        QCOMPARE(p.size(), 7);
        QCOMPARE(p.at(p.indexOf("ResNet152")).energyMj, 1238.15);
        QCOMPARE(p.at(p.indexOf("VGG16")).errorPct, 9.618);
        QCOMPARE(p.at(p.indexOf("AlexNet")).energyMj, 125.00);
        const ModelPool r = resnetPool();
        QCOMPARE(r.size(), 4);
        QCOMPARE(r.indexOf("VGG19"), -1);
    }

    void roundTrip()
    {
        ModelPool p = paperPool();
        p.models[0].latencyMs = 3.5;
        p.models[1].throughputPerS = 1200;
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/pool ü.json").toStdString(); // a space and non-ASCII
        writePoolJson(p, path);
        QCOMPARE(readPoolJson(path), p);
        QCOMPARE(loadPool(path), p);
    }

    void aFileLargerThanAnyPoolIsRefusedUnread()
    {
        // 1 MiB + 1 byte of spaces: refused for its size before it is parsed (a pool lists a few models).
        QTemporaryDir dir;
        const QString path = dir.path() + "/huge.json";
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(QByteArray((1 << 20) + 1, ' ')), qint64((1 << 20) + 1));
        f.close();
        const QString error = errorText<ParseError>([&] { readPoolJson(path.toStdString()); });
        QVERIFY2(error.endsWith("larger than 1048576 bytes: not a pool file (a pool lists a few models)"),
                 qPrintable(error));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << "{\n  \"models\": [\n    {\"name\": \"A\", \"energy_mj\": 1,, }\n  ]\n}"
                                << "pool.json:3:34: invalid JSON";
        QTest::newRow("no-models") << "{\"name\": \"x\"}" << "expected an object with a \"models\" array";
        QTest::newRow("energy-string") << "{\"models\":[{\"name\":\"A\",\"energy_mj\":\"1\",\"error_pct\":2}]}"
                                       << "models[0]: \"energy_mj\" must be a number";
        QTest::newRow("negative") << "{\"models\":[{\"name\":\"A\",\"energy_mj\":-1,\"error_pct\":2}]}"
                                  << "model 'A': energy per inference (mJ) must be a number >= 0";
        QTest::newRow("duplicate") << "{\"models\":[{\"name\":\"A\",\"energy_mj\":1,\"error_pct\":2},"
                                      "{\"name\":\"A\",\"energy_mj\":2,\"error_pct\":1}]}"
                                   << "names 'A' twice";
        QTest::newRow("empty") << "{\"models\":[]}" << "has no models";
        QTest::newRow("name-not-a-string") << "{\"name\": 840.62, \"models\":[{\"name\":\"A\",\"energy_mj\":1,\"error_pct\":2}]}"
                                           << "\"name\" must be a string";
        // Beyond double range: nlohmann throws out_of_range (not parse_error); "1e400" starts on line 2, column 27
        // (two spaces and {"name":"A", are 14 characters, "energy_mj": 12 more).
        QTest::newRow("number-overflow") << "{\"models\":[\n  {\"name\":\"A\",\"energy_mj\":1e400,\"error_pct\":5}]}"
                                         << "pool.json:2:27: invalid JSON: number overflow parsing '1e400'";
    }
    void refusals()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString error = errorOf(text.toStdString());
        QVERIFY2(error.contains(expected), qPrintable("got: " + error));
        QVERIFY(error.startsWith("pool.json"));
    }
};

QTEST_GUILESS_MAIN(TestPoolJson)
#include "test_pool_json.moc"
