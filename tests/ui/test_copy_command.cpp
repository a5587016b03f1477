// "Copy as command": the carbonscope-cli line on the clipboard reproduces the view's totals. The test runs the
// exact clipboard text in a shell (with the built CLI first on PATH) and reads each policy's CO2 and error back
// from the CLI's table, against the GUI's totals.
#include "uitestfixture.h"

#include "copycommand.h"
#include "poolmodel.h"

#include <QClipboard>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace cs;

namespace {

struct CliRow
{
    double co2G = 0;
    double errorPct = 0;
};

// Runs `text` in bash; returns the compare table's rows by policy spec ("policy  co2  error  extra  gain  eff").
std::map<QString, CliRow> runInShell(const QString &text, QString *output)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), QFileInfo(QStringLiteral(CARBONSCOPE_CLI)).absolutePath() +
                                           QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("bash"), {QStringLiteral("-c"), text});
    p.waitForFinished(120000);
    *output = QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
    std::map<QString, CliRow> rows;
    static const QRegularExpression row(QStringLiteral("^(\\S+)\\s+([0-9.e+-]+)\\s+([0-9.e+-]+)\\s+"),
                                        QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(*output); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        rows[m.captured(1)] = {m.captured(2).toDouble(), m.captured(3).toDouble()};
    }
    return rows;
}

} // namespace

class TestCopyCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;

    // Every policy's CO2 (the CLI prints 6 significant digits) and error (3 decimals) as the GUI has them.
    void compareWithGui(const ScenarioDocument &d, const QString &clipboard)
    {
        QString output;
        const std::map<QString, CliRow> cli = runInShell(clipboard, &output);
        int compared = 0;
        for (const PolicyRun &run : d.runs()) {
            const auto it = cli.find(QString::fromStdString(run.spec));
            QVERIFY2(it != cli.end(), qPrintable(QString::fromStdString(run.spec) + " missing in:\n" + output));
            QVERIFY2(qAbs(it->second.co2G / run.rangeTotals.co2G - 1) < 5e-6,
                     qPrintable(QStringLiteral("%1: CLI %2 g, GUI %3 g")
                                    .arg(it->first).arg(it->second.co2G).arg(run.rangeTotals.co2G)));
            QVERIFY(qAbs(it->second.errorPct - run.rangeTotals.errorPct) < 6e-4);
            ++compared;
        }
        QCOMPARE(compared, static_cast<int>(d.policies().entries.size()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::useTestEnvironment();
        QVERIFY(mDir.isValid());
    }

    void shellQuoting()
    {
        QCOMPARE(shellQuoted(QStringLiteral("model:ResNet50")), QStringLiteral("model:ResNet50"));
        QCOMPARE(shellQuoted(QStringLiteral("threshold:AlexNet@100,ResNet50")),
                 QStringLiteral("threshold:AlexNet@100,ResNet50"));
        QCOMPARE(shellQuoted(QStringLiteral("a b")), QStringLiteral("'a b'"));
        QCOMPARE(shellQuoted(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
    }

    // The tiny scenario's traces are plain files, read back unchanged: the line names them; the pool is Table 1.
    void lineNamesTheFilesPoolPoliciesAndBaseline()
    {
        ScenarioDocument d;
        test::loadTinyScenario(&d);
        const ReproduceCommand c = reproduceCommand(d, mDir.filePath(QStringLiteral("cmd")));
        QCOMPARE(c.error, QString());
        QVERIFY(c.line.startsWith(QStringLiteral("carbonscope-cli compare --carbon ") + test::dataPath("tiny_carbon.csv")));
        QVERIFY(c.line.contains(QStringLiteral(" --requests ") + test::dataPath("tiny_requests.csv")));
        QVERIFY(c.line.contains(QStringLiteral(" --pool paper ")));
        QVERIFY(c.line.contains(QStringLiteral(" --policy heuristic ")));
        QVERIFY(c.line.endsWith(QStringLiteral(" --baseline ResNet50")));
        QVERIFY(c.written.isEmpty());
        QVERIFY(c.notes.isEmpty());
    }

    // The whole scenario: every policy's CO2 and error from the CLI equal the GUI's.
    void runningTheCopiedLineGivesTheGuiTotals()
    {
        MainWindow window;
        test::loadTinyScenario(window.document());
        const QString message = copyReproduceCommand(*window.document());
        QVERIFY2(message.startsWith(QStringLiteral("Copied")), qPrintable(message));
        compareWithGui(*window.document(), QGuiApplication::clipboard()->text());
    }

    // An edited pool is written as a pool file named by its content, and the CLI runs on it: ResNet50 at 500 mJ
    // emits 500 x 1.4e6 / 3.6e9 = 0.19444 g on the tiny scenario.
    void editedPoolIsWrittenAndUsed()
    {
        ScenarioDocument d;
        test::loadTinyScenario(&d);
        const int row = d.pool().indexOf("ResNet50");
        QVERIFY(d.poolModel()->setData(d.poolModel()->index(row, PoolModel::Energy), 500.0, Qt::EditRole));
        const ReproduceCommand c = reproduceCommand(d, mDir.filePath(QStringLiteral("edited")));
        QCOMPARE(c.error, QString());
        QCOMPARE(c.written.size(), 1);
        QVERIFY(c.written.front().endsWith(QStringLiteral(".json")));
        QVERIFY(c.line.contains(QStringLiteral(" --pool ") + c.written.front()));
        compareWithGui(d, c.clipboardText());
        QVERIFY(qAbs(d.runs()[static_cast<std::size_t>(d.baselineRun())].rangeTotals.co2G - 500 * 1.4e6 / 3.6e9) < 1e-12);
        // The same pool again: the same file, not written twice.
        QVERIFY(reproduceCommand(d, mDir.filePath(QStringLiteral("edited"))).written.isEmpty());
    }

    // A selected period goes to --from/--to; single-model policies price the same intervals either way, so their
    // totals match (01:00-03:00: ResNet50 420.62 x 1.3e6 / 3.6e9 g); the note says adaptive ones may differ.
    void selectedPeriodGoesToFromTo()
    {
        ScenarioDocument d;
        test::loadTinyScenario(&d);
        const UtcSeconds from = d.scenario().times[1];
        d.setTotalsRange(from, from + 2 * 3600);
        const ReproduceCommand c = reproduceCommand(d, mDir.filePath(QStringLiteral("period")));
        QVERIFY(c.line.contains(QStringLiteral(" --from 2023-06-01T01:00:00Z --to 2023-06-01T03:00:00Z")));
        QCOMPARE(c.notes.size(), 1);
        QString output;
        const std::map<QString, CliRow> cli = runInShell(c.clipboardText(), &output);
        const auto it = cli.find(QStringLiteral("model:ResNet50"));
        QVERIFY2(it != cli.end(), qPrintable(output));
        QVERIFY(qAbs(it->second.co2G / (420.62 * 1.3e6 / 3.6e9) - 1) < 5e-6);
    }

    // A trace that is not a file on disk (the embedded default's resource) is written out and read back whole.
    void embeddedTraceIsWrittenOut()
    {
        ScenarioDocument d;
        TimeSeries carbon = readTrace(test::dataPath("tiny_carbon.csv").toStdString(), SeriesKind::Carbon);
        carbon.source = ":/not/a/file.csv";
        d.setTraces(carbon, std::nullopt, QStringLiteral("resource"));
        const ReproduceCommand c = reproduceCommand(d, mDir.filePath(QStringLiteral("resource")));
        QCOMPARE(c.written.size(), 1);
        QVERIFY(c.line.contains(QStringLiteral(" --carbon ") + c.written.front()));
        QVERIFY(!c.line.contains(QStringLiteral("--requests")));
        compareWithGui(d, c.clipboardText());
    }
};

QTEST_MAIN(TestCopyCommand)
#include "test_copy_command.moc"
