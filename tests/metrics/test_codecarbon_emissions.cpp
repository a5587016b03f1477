// CodeCarbon's emissions.csv from `carbonscope-cli simulate --emissions`: read back by Python's csv module (pandas
// where installed), with CodeCarbon 3.3.0's columns, and the energy and emissions of a two-hour simulation worked
// out by hand.
#include "../cli_run.h"
#include "fixture_files.h"
#include "export/codecarbon_emissions.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sstream>

using namespace cs;
using cs::test::writeFixture;

namespace {

// Runs python3 with `script` (reading the CSV at argv[1]); its stdout.
QString python(const QString &script, const QString &csv, int *status)
{
    QProcess p;
    // Debian's python3, where scripts/install-deps.sh installs python3-pandas (a pyenv one first on PATH has not).
    const QString debian = QStringLiteral("/usr/bin/python3");
    p.start(QFileInfo::exists(debian) ? debian : QStringLiteral("python3"), {QStringLiteral("-c"), script, csv});
    p.waitForFinished(60000);
    *status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
}

} // namespace

class TestCodeCarbonEmissions : public QObject
{
    Q_OBJECT

    QTemporaryDir mDir;
    QString write(const QString &name, const QByteArray &text) { return writeFixture(mDir, name, text); }

private slots:
    void headerIsCodeCarbons()
    {
        // CodeCarbon 3.3.0, as its own tests keep a real run's file (see codecarbon_emissions.cpp).
        const std::string expected =
            "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,"
            "ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,"
            "country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,"
            "cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,"
            "cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue\n";
        std::ostringstream out;
        writeCodeCarbonCsv(out, {});
        QCOMPARE(QString::fromStdString(out.str()), QString::fromStdString(expected));
    }

    void fieldsWithCommasAndQuotesAreQuoted()
    {
        CodeCarbonRun r;
        r.projectName = "a, \"b\"";
        r.runId = "id";
        std::ostringstream out;
        writeCodeCarbonCsv(out, {r});
        QVERIFY(out.str().find(",\"a, \"\"b\"\"\",id,") != std::string::npos);
    }

    void runIdsAreVersion4Uuids()
    {
        const QRegularExpression uuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        const std::string a = newRunId(), b = newRunId();
        QVERIFY2(uuid.match(QString::fromStdString(a)).hasMatch(), a.c_str());
        QVERIFY(a != b);
    }

    // Two hourly intervals at 100 and 200 gCO2/kWh with 1000 and 2000 requests, all served by M at 360 mJ:
    // energy (1000 + 2000) x 0.36 J = 1080 J = 3e-4 kWh; CO2 1000 x 0.36 / 3.6e6 x 100 + 2000 x 0.36 / 3.6e6 x 200
    // = 0.01 + 0.04 = 0.05 g = 5e-5 kg; duration 2 h = 7200 s, so GPU power 1080 J / 7200 s = 0.15 W and
    // emissions rate 5e-5 / 7200 kg/s.
    void simulationReadsBackInPython()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is not installed: the file cannot be read back as CodeCarbon's users read it");
        const QString carbon = write("hand carbon.csv", "from,intensity\n2023-06-01T00:00Z,100\n2023-06-01T01:00Z,200\n");
        const QString requests = write("hand requests.csv", "ds,y\n2023-06-01T00:00Z,1000\n2023-06-01T01:00Z,2000\n");
        const QString pool = write("hand.json", "{\"name\": \"hand\", \"models\": [{\"name\": \"M\", \"energy_mj\": 360, "
                                                "\"error_pct\": 5}, {\"name\": \"N\", \"energy_mj\": 100, \"error_pct\": 9}]}");
        const QString out = mDir.filePath(QStringLiteral("emissions.csv"));
        const Run r = cli({"simulate", "--carbon", carbon, "--requests", requests, "--pool", pool, "--policy",
                           "model:M", "--baseline", "M", "--emissions", out});
        QVERIFY2(r.status == 0, qPrintable(r.err));

        // pandas where it is installed (CodeCarbon's users read the file with it), else the csv module.
        const QString script = QStringLiteral(R"(
import csv, sys
try:
    import pandas
    frame = pandas.read_csv(sys.argv[1], float_precision='round_trip')
    rows = frame.to_dict('records'); columns = list(frame.columns); reader = 'pandas'
except ImportError:
    with open(sys.argv[1], newline='') as f:
        r = csv.DictReader(f); rows = list(r); columns = r.fieldnames; reader = 'csv'
print(reader); print(','.join(columns)); print(len(rows))
row = rows[0]
for k in ['duration', 'energy_consumed', 'gpu_energy', 'emissions', 'gpu_power', 'emissions_rate']:
    print(repr(float(row[k])))
print(row['experiment_id']); print(row['tracking_mode'])
print(str(row['cpu_energy']) in ('', 'nan'))
)");
        int status = 0;
        const QStringList lines = python(script, out, &status).trimmed().split(QLatin1Char('\n'));
        QVERIFY2(status == 0, qPrintable(lines.join(QLatin1Char('\n'))));
        QCOMPARE(lines.size(), 12);
        qInfo("read back with %s", qPrintable(lines[0]));
        if (qEnvironmentVariableIsSet("CARBONSCOPE_REQUIRE_ALL")) // CI installs pandas: the file must open in it
            QCOMPARE(lines[0], QStringLiteral("pandas"));
        std::ostringstream header;
        writeCodeCarbonCsv(header, {});
        QCOMPARE(lines[1] + QLatin1Char('\n'), QString::fromStdString(header.str()));
        QCOMPARE(lines[2], QStringLiteral("1"));
        QCOMPARE(lines[3].toDouble(), 7200.0);
        QVERIFY(qAbs(lines[4].toDouble() - 3e-4) < 1e-18);  // energy_consumed, kWh
        QVERIFY(qAbs(lines[5].toDouble() - 3e-4) < 1e-18);  // gpu_energy
        QVERIFY(qAbs(lines[6].toDouble() - 5e-5) < 1e-18);  // emissions, kg
        QVERIFY(qAbs(lines[7].toDouble() - 0.15) < 1e-15);  // gpu_power, W
        QVERIFY(qAbs(lines[8].toDouble() - 5e-5 / 7200) < 1e-20);
        QCOMPARE(lines[9], QStringLiteral("model:M"));
        QCOMPARE(lines[10], QStringLiteral("simulation"));
        QCOMPARE(lines[11], QStringLiteral("True")); // not measured: empty, not 0
    }

    void unwritableTargetIsExitTwoAndNoFile()
    {
        const QString carbon = write("c.csv", "from,intensity\n2023-06-01T00:00Z,100\n2023-06-01T01:00Z,200\n");
        const Run r = cli({"simulate", "--carbon", carbon, "--pool", "resnets", "--emissions",
                           mDir.filePath(QStringLiteral("no such folder/emissions.csv"))});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(QStringLiteral("emissions.csv")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCodeCarbonEmissions)
#include "test_codecarbon_emissions.moc"
