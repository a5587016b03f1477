// Projects: Save As writes the store's SQLite file; opening it in a fresh window brings back the traces and the
// edited pool, and the compared policies (a typed one included) with the chosen baseline; a file that is not a
// project is refused with a message and leaves the window as it was.
#include "uitestfixture.h"

#include "comparetab.h"
#include "poolmodel.h"
#include "projectsession.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace cs;

class TestProject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // recent files go to a test settings file
    }

    void saveAsThenOpenRestoresTracesAndPool()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tiny.csdb"));
        {
            MainWindow window;
            test::loadTinyScenario(window.document());
            PoolModel *pool = window.document()->poolModel();
            QVERIFY(pool->setData(pool->index(pool->pool().indexOf("ResNet50"), PoolModel::Energy), QStringLiteral("360")));
            QVERIFY(window.project()->saveAs(path));
            QCOMPARE(window.project()->path(), path);
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(16), QByteArray("SQLite format 3\0", 16));
        file.close();

        MainWindow reopened;
        QVERIFY(reopened.project()->openProject(path));
        const Scenario &s = reopened.document()->scenario();
        QCOMPARE(s.size(), std::size_t(3));
        QCOMPARE(s.requests, (std::vector<double>{1000, 2000, 3000}));
        QCOMPARE(s.intensity, (std::vector<double>{100, 200, 300}));
        QCOMPARE(reopened.document()->pool().at(reopened.document()->pool().indexOf("ResNet50")).energyMj, 360.0);
        // And it re-simulates from them: 360 mJ over the tiny scenario = 0.14 g.
        const PolicyRun *resnet50 = test::runOf(*reopened.document(), "model:ResNet50");
        QVERIFY(resnet50);
        QVERIFY(qAbs(resnet50->result.totals.co2G - 0.14) < 1e-12);
    }

    void saveThenOpenRestoresTypedPolicyAndBaseline()
    {
        const std::string typed = "threshold:ResNet152@150,ResNet50";
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("policies.csdb"));
        {
            MainWindow window;
            test::loadTinyScenario(window.document());
            QVERIFY(window.compareTab()->addPolicy(QString::fromStdString(typed)));
            window.document()->setBaseline(typed);
            window.document()->setAllowedModels(typed, {"ResNet152", "ResNet50"});
            QVERIFY(window.project()->saveAs(path));
            // Save (not Save As) writes them again over the same file: the last edit wins.
            window.document()->setBaseline("model:ResNet34");
            window.project()->save(nullptr);
            window.document()->setBaseline(typed);
            window.project()->save(nullptr);
        }

        MainWindow reopened;
        // A fresh window compares the standard policies against ResNet50, and knows nothing of the typed one.
        QCOMPARE(reopened.document()->policies().baseline, std::string("model:ResNet50"));
        QCOMPARE(reopened.document()->policies().indexOf(typed), -1);
        QVERIFY(reopened.project()->openProject(path));
        const PolicySet &set = reopened.document()->policies();
        const int i = set.indexOf(typed);
        QVERIFY(i >= 0);
        QCOMPARE(set.entries[i].spec, typed);
        QCOMPARE(set.entries[i].allowedModels, (std::vector<std::string>{"ResNet152", "ResNet50"}));
        QCOMPARE(set.baseline, typed);
        QVERIFY(set.indexOf("model:ResNet50") >= 0); // the standard ones are still there
        // And it runs as the baseline: 100 < 150 takes ResNet152 (1238.15 mJ), 200 and 300 take ResNet50 (420.62):
        // CO2 = (1000x100x1238.15 + 2000x200x420.62 + 3000x300x420.62) / 3.6e9 = 670,621,000 / 3.6e9 g.
        const int b = reopened.document()->baselineRun();
        QVERIFY(b >= 0);
        const PolicyRun &run = reopened.document()->runs()[static_cast<std::size_t>(b)];
        QCOMPARE(run.spec, typed);
        QVERIFY(qAbs(run.result.totals.co2G - 670621000.0 / 3.6e9) < 1e-12);
        // Opening starts a clean history: nothing to undo back to the window's own policies.
        QVERIFY(!reopened.document()->undoStack()->canUndo());
    }

    void openingANonProjectIsRefused()
    {
        MainWindow window;
        test::loadTinyScenario(window.document());
        QSignalSpy messages(window.project(), &ProjectSession::message);
        QVERIFY(!window.project()->openProject(test::dataPath("tiny_carbon.csv")));
        QVERIFY(!messages.isEmpty());
        QVERIFY(messages.back().front().toString().startsWith(QStringLiteral("Cannot open")));
        QCOMPARE(window.document()->scenario().size(), std::size_t(3)); // unchanged
        QVERIFY(window.project()->path().isEmpty());
    }
};

QTEST_MAIN(TestProject)
#include "test_project.moc"
