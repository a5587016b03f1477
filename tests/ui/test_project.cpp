// Projects: Save As writes the store's SQLite file; opening it in a fresh window brings back the traces and the
// edited pool; a file that is not a project is refused with a message and leaves the window as it was.
#include "uitestfixture.h"

#include "poolmodel.h"
#include "projectsession.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace cs;

class TestProject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // recent files go to a test settings file
        if (!ProjectSession::available())
            QSKIP("carbonscope_store is not built: projects are not available");
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
        for (const PolicyRun &run : reopened.document()->runs())
            if (run.spec == "model:ResNet50")
                QVERIFY(qAbs(run.result.totals.co2G - 0.14) < 1e-12);
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
