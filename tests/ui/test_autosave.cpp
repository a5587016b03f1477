// The autosave keeps unsaved work across a crash: with changes, the recovery project appears in the test's
// AppLocalDataLocation on the (shortened) timer; a window that never closed leaves it behind, and the next start
// offers "Recover unsaved work from <time>?": Recover brings back the traces, the pool edit and the baseline as
// unsaved changes (of the project they belonged to), Discard removes the file. A clean save removes it too.
#include "uitestfixture.h"

#include "autosave.h"
#include "modalanswerer.h"
#include "poolmodel.h"
#include "projectsession.h"

#include <QDir>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace cs;

namespace {

// The edits a user makes before the crash: ResNet50 at 360 mJ (pool editor) and ResNet34 as the baseline.
void editPoolAndBaseline(MainWindow &window)
{
    PoolModel *pool = window.document()->poolModel();
    QVERIFY(pool->setData(pool->index(pool->pool().indexOf("ResNet50"), PoolModel::Energy), QStringLiteral("360")));
    window.document()->setBaseline("model:ResNet34");
}

// A window on the tiny scenario (untitled, or first saved as the project `project`) whose edits stay unsaved
// until the autosave timer has written them; then the app dies: the window goes without closing, so nothing
// removes the recovery file. False where the file never appeared.
bool crashWithUnsavedEdits(const QString &project = {})
{
    MainWindow crashed;
    if (project.isEmpty())
        test::loadTinyScenario(crashed.document());
    else if (!test::saveTinyProject(crashed, project))
        return false;
    crashed.autosave()->setInterval(20);
    editPoolAndBaseline(crashed);
    return QTest::qWaitFor([] { return QFile::exists(Autosave::recoveryPath()); }, 60000);
}

double resnet50Energy(const MainWindow &window)
{
    const ModelPool &pool = window.document()->pool();
    return pool.at(pool.indexOf("ResNet50")).energyMj;
}

} // namespace

class TestAutosave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::useTestEnvironment();
    }
    void init() { QFile::remove(Autosave::recoveryPath()); }

    void recoveryFileIsInTheAppDataFolder()
    {
        QCOMPARE(QFileInfo(Autosave::recoveryPath()).absolutePath(),
                 QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation));
    }

    void nothingIsWrittenWithoutChanges()
    {
        MainWindow window;
        test::loadTinyScenario(window.document());
        window.autosave()->setInterval(20);
        QTest::qWait(200);
        QVERIFY(window.autosave()->saveNow()); // and once more, whether or not the timer ran on a busy machine
        QVERIFY(!QFile::exists(Autosave::recoveryPath()));
        // An edit undone is no unsaved work either.
        window.document()->setBaseline("model:ResNet34");
        window.document()->undoStack()->undo();
        QVERIFY(window.autosave()->saveNow());
        QVERIFY(!QFile::exists(Autosave::recoveryPath()));
    }

    void unsavedWorkIsWrittenAndRecoveredOnTheNextStart()
    {
        QVERIFY(crashWithUnsavedEdits());
        QVERIFY(QFile::exists(Autosave::recoveryPath()));
        QCOMPARE(test::fileBytes(Autosave::recoveryPath()).left(16), QByteArray("SQLite format 3\0", 16));

        MainWindow next;
        QCOMPARE(resnet50Energy(next), 420.62); // a fresh window has Table 1's pool
        test::ModalAnswerer answers;
        answers.press(QStringLiteral("Recover"));
        QVERIFY(next.offerRecovery());
        QVERIFY(answers.done());
        QVERIFY2(answers.boxes().front().startsWith(QStringLiteral("Recover unsaved work | Recover unsaved work from ")),
                 qPrintable(answers.boxes().front()));
        QVERIFY(answers.boxes().front().endsWith(QStringLiteral("| Discard, Recover")));
        QCOMPARE(next.document()->scenario().intensity, (std::vector<double>{100, 200, 300}));
        QCOMPARE(next.document()->scenario().requests, (std::vector<double>{1000, 2000, 3000}));
        QCOMPARE(resnet50Energy(next), 360.0);
        QCOMPARE(next.document()->policies().baseline, std::string("model:ResNet34"));
        // Still unsaved work, of an untitled document.
        QVERIFY(next.isWindowModified());
        QVERIFY(next.project()->path().isEmpty());
    }

    void recoveredWorkBelongsToItsProjectAndSavingRemovesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("work.csdb"));
        QVERIFY(crashWithUnsavedEdits(path));
        MainWindow next;
        test::ModalAnswerer answers;
        answers.press(QStringLiteral("Recover"));
        QVERIFY(next.offerRecovery());
        QVERIFY(answers.boxes().front().contains(QStringLiteral("unsaved changes to %1").arg(path)));
        QCOMPARE(next.project()->path(), path);
        QVERIFY(next.isWindowModified());
        // The project file itself still has what was saved: 420.62 mJ, until the user saves.
        {
            MainWindow onDisk;
            QVERIFY(onDisk.project()->openProject(path));
            QCOMPARE(resnet50Energy(onDisk), 420.62);
        }
        QVERIFY(next.project()->save(&next));
        QVERIFY(!QFile::exists(Autosave::recoveryPath()));
        MainWindow saved;
        QVERIFY(saved.project()->openProject(path));
        QCOMPARE(resnet50Energy(saved), 360.0);
    }

    void discardAtStartRemovesTheFile()
    {
        QVERIFY(crashWithUnsavedEdits());
        MainWindow next;
        test::ModalAnswerer answers;
        answers.press(QMessageBox::Discard);
        QVERIFY(!next.offerRecovery());
        QVERIFY(answers.done());
        QVERIFY(!QFile::exists(Autosave::recoveryPath()));
        QCOMPARE(resnet50Energy(next), 420.62);
        QVERIFY(!next.isWindowModified());
    }

    void quittingWithDiscardRemovesTheFile()
    {
        MainWindow window;
        test::showTinyScenario(window);
        window.autosave()->setInterval(20);
        editPoolAndBaseline(window);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(Autosave::recoveryPath()), 60000);
        test::ModalAnswerer answers;
        answers.press(QMessageBox::Discard);
        window.close();
        QVERIFY2(answers.answeredAsExpected(), qPrintable(answers.failure()));
        QVERIFY(!window.isVisible());
        QVERIFY(!QFile::exists(Autosave::recoveryPath()));
    }
};

QTEST_MAIN(TestAutosave)
#include "test_autosave.moc"
