// carbonscope-cli as a user runs it: figures from --json, and every bad input ending with one clear message
// naming file, line and column, exit status 2, and no output file left behind.
#include "../cli_run.h"
#include "fixture_files.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using cs::test::writeFixture;

class TestCli : public QObject
{
    Q_OBJECT
    QTemporaryDir mDir;

    QString write(const QString &name, const QByteArray &text) { return writeFixture(mDir, name, text); }

private slots:
    void simulateJsonOnToy()
    {
        // Three half-hours at 100, 200, 400 g/kWh, one request each. The text heuristic picks ResNet152,
        // ResNet101, ResNet34: CO2 = (1.23815*100 + 0.80309*200 + 0.35993*400) J*g/kWh / 3.6e6
        // = 428.405 / 3.6e6 = 0.000119001389 g; error (5.954 + 6.454 + 8.58)/3 = 6.996 %.
        // ResNet50: 0.42062 * 700 / 3.6e6 = 0.0000817872 g; extra 0.0000372142 g.
        const QString carbon = write("toy carbon.csv", "from,intensity\n2023-06-01T00:00Z,100\n"
                                                       "2023-06-01T00:30Z,200\n2023-06-01T01:00Z,400\n");
        const Run r = cli({"simulate", "--carbon", carbon, "--pool", "resnets", "--policy", "heuristic",
                           "--baseline", "ResNet50", "--json"});
        QCOMPARE(r.status, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(std::abs(o["co2_g"].toDouble() - 428.405 / 3.6e6) < 1e-15);
        QVERIFY(std::abs(o["error_pct"].toDouble() - 6.996) < 1e-12);
        QVERIFY(std::abs(o["extra_g"].toDouble() - (428.405 - 0.42062 * 700) / 3.6e6) < 1e-15);
        QCOMPARE(o["intervals"].toInt(), 3);
        QCOMPARE(o["requests"].toDouble(), 3.0);
        QCOMPARE(o["baseline"].toString(), QString("ResNet50"));
        QVERIFY(std::abs(o["model_share"].toObject()["ResNet34"].toDouble() - 1.0 / 3) < 1e-15);
        for (const char *key : {"policy", "baseline", "co2_g", "error_pct", "extra_g", "rel_gain_pct", "efficiency",
                                "intervals", "requests", "model_share"})
            QVERIFY2(o.contains(key), key);
    }

    void simulateCsvAndCompareCsv()
    {
        const QString carbon = write("c.csv", "from,intensity\n2023-06-01T00:00Z,100\n2023-06-01T00:30Z,200\n");
        const QString intervals = mDir.path() + "/intervals.csv", table = mDir.path() + "/table.csv";
        QCOMPARE(cli({"simulate", "--carbon", carbon, "--csv", intervals}).status, 0);
        QFile f(intervals);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().trimmed().split('\n').size(), 3); // header + 2 intervals
        const Run r = cli({"compare", "--carbon", carbon, "--pool", "resnets", "--policy", "heuristic", "--policy",
                           "model:ResNet152", "--csv", table});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains("model:ResNet152"));
        QFile t(table);
        QVERIFY(t.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = t.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith("policy,co2_g,error_pct,extra_co2_g,rel_gain_pct"));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("carbonText");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("expected");
        const QString head = "datetime,intensity\n2023-06-01T00:00:00,100\n";
        QTest::newRow("missing-file") << QString() << QStringList{} << "cannot open the file";
        QTest::newRow("no-intensity-column") << "datetime,wind,solar\n2023-06-01T00:00:00,1,2\n" << QStringList{}
                                             << "bad.csv:1: no intensity column";
        QTest::newRow("unsorted") << head + "2023-06-01T01:00:00,1\n2023-06-01T00:30:00,2\n" << QStringList{}
                                  << "bad.csv:4:1: time goes backwards";
        QTest::newRow("duplicate") << head + "2023-06-01T00:00:00,1\n" << QStringList{}
                                   << "bad.csv:3:1: duplicate time 2023-06-01T00:00:00Z (first on line 2)";
        QTest::newRow("negative") << head + "2023-06-01T00:30:00,-3\n" << QStringList{}
                                  << "bad.csv:3:21: negative carbon intensity -3";
        QTest::newRow("unknown-model") << head + "2023-06-01T00:30:00,3\n" << QStringList{"--policy", "model:ResNet999"}
                                       << "unknown model 'ResNet999'";
        QTest::newRow("unknown-baseline") << head + "2023-06-01T00:30:00,3\n" << QStringList{"--baseline", "VGG99"}
                                          << "--baseline': unknown model 'VGG99'";
        QTest::newRow("unknown-policy") << head + "2023-06-01T00:30:00,3\n" << QStringList{"--policy", "random"}
                                        << "unknown policy 'random'";
    }
    void badInput()
    {
        QFETCH(QString, carbonText);
        QFETCH(QStringList, extra);
        QFETCH(QString, expected);
        const QString carbon = carbonText.isNull() ? mDir.path() + "/absent.csv" : write("bad.csv", carbonText.toUtf8());
        const QString out = mDir.path() + "/never.csv";
        const Run r = cli(QStringList{"simulate", "--carbon", carbon, "--csv", out} + extra);
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.startsWith("carbonscope-cli: error: "), qPrintable(r.err));
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QCOMPARE(r.err.count('\n'), 1); // one message
        QVERIFY(r.out.isEmpty());       // never a partial result
        QVERIFY(!QFile::exists(out));
    }

    void nonNumberAtRow812()
    {
        QByteArray text = "from,actual\n";
        const qint64 t0 = 1685577600;
        for (int i = 0; i < 811; ++i) // lines 2..812; line 812 holds the bad value
            text += QDateTime::fromSecsSinceEpoch(t0 + i * 1800, Qt::UTC).toString(Qt::ISODate).toUtf8() +
                    (i == 810 ? ",12x\n" : ",250\n");
        const Run r = cli({"simulate", "--carbon", write("row812.csv", text)});
        QCOMPARE(r.status, 2);
        // "2023-06-17T21:00:00Z," is 21 characters, so the value starts in column 22.
        QVERIFY2(r.err.contains("row812.csv:812:22: expected a number, got \"12x\" for the carbon intensity in "
                                "column 'actual'"),
                 qPrintable(r.err));
    }

    void badPoolAndUsage()
    {
        const QString carbon = write("ok.csv", "from,intensity\n2023-06-01T00:00Z,100\n2023-06-01T00:30Z,200\n");
        const QString pool = write("pool.json", "{\"models\": [ {\"name\": \"A\" ]}");
        Run r = cli({"simulate", "--carbon", carbon, "--pool", pool});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("pool.json:1:27: invalid JSON"), qPrintable(r.err));
        r = cli({"simulate"}); // --carbon is required
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.contains("--carbon is required"));
    }
    void ecoUsersChooseTheirTier()
    {
        if (cli({"eco", "--help"}).status != 0)
            QSKIP("carbonscope-cli was built without the eco subsystem");
        // Two hours: 3.6e6 requests at 100 g/kWh, 7.2e6 at 300; S 1000 mJ 5 %, E 400 mJ 9 %. Only hour 2 degrades
        // (threshold 200): 2/3 of eco requests, 4 points more error each. The most sensitive user values a point at
        // 0.0006, so gives up at most 2/3 x 4 x 0.0006 = 0.0016 per request; the discount brings 0.002 d. Users
        // spread evenly in that value: share = 0.002 d / 0.0016 = 1.25 d. Everyone on eco would avoid 360 g.
        const QString carbon = write("two_hours.csv", "datetime,intensity\n2023-06-01T00:00Z,100\n2023-06-01T01:00Z,300\n");
        const QString requests = write("two_hours_requests.csv", "ds,y\n2023-06-01T00:00Z,3600000\n2023-06-01T01:00Z,7200000\n");
        const QString pool = write("se.json", "{\"name\": \"se\", \"models\": [{\"name\": \"S\", \"energy_mj\": 1000, "
                                              "\"error_pct\": 5}, {\"name\": \"E\", \"energy_mj\": 400, \"error_pct\": 9}]}");
        const Run r = cli({"eco", "--carbon", carbon, "--requests", requests, "--pool", pool, "--standard", "S", "--eco",
                           "E", "--rule", "threshold:200", "--price-per-request", "0.002", "--error-value-max", "0.0006",
                           "--sweep-discounts", "0:0.6:4", "--json"});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonArray curve = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(curve.size(), 4);
        const double discounts[] = {0, 0.2, 0.4, 0.6};
        for (int i = 0; i < 4; ++i) {
            const QJsonObject p = curve[i].toObject();
            const double share = 1.25 * discounts[i];
            QVERIFY(qAbs(p["discount"].toDouble() - discounts[i]) < 1e-12);
            QVERIFY2(qAbs(p["eco_share"].toDouble() - share) < 1e-9, qPrintable(r.out));
            QVERIFY(qAbs(p["co2_saved_g"].toDouble() - 360 * share) < 1e-6);
            QVERIFY(qAbs(p["revenue_given_up"].toDouble() - 21600 * share * discounts[i]) < 1e-6);
        }
        // The share follows the discount: giving one as well is refused.
        const Run both = cli({"eco", "--carbon", carbon, "--pool", pool, "--error-value-max", "0.0006", "--eco-share", "0.5"});
        QCOMPARE(both.status, 2);
        QVERIFY2(both.err.contains("leave out --eco-share"), qPrintable(both.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
