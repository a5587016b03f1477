// Unsaved changes are never dropped without asking: Ctrl+Q, closing the window, File > New, File > Open and
// File > Open default scenario ask Save / Discard / Cancel; Cancel keeps the window and the work, Discard goes
// on, Save saves first. Every change marks the window modified ('*'), the default scenario's traces on an open
// project included, and undoing back to the saved state clears the mark. Everything goes through the actions
// and keys a user presses; the dialogs are answered by clicking their buttons.
#include "cleanergridimport.h"
#include "ui_shown.h"
#include "uitestfixture.h"

#include "modalanswerer.h"
#include "projectsession.h"

#include <QAction>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace cs;

namespace {

// One change a user makes in the Compare tab: another baseline (an undoable policy edit).
void makeAChange(MainWindow &window)
{
    window.document()->setBaseline("model:ResNet34");
}

// The tiny scenario, shown and active, with one change made: where every prompt case starts.
void showWithAChange(MainWindow &window)
{
    test::loadTinyScenario(window.document());
    QVERIFY(test::showActive(window));
    makeAChange(window);
}

// The tiny scenario saved as the project `path` by `window`, then shown and active: the prompts on an open project.
bool showSavedTinyProject(MainWindow &window, const QString &path)
{
    return test::saveTinyProject(window, path) && test::showActive(window);
}

} // namespace

class TestUnsavedChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::useTestEnvironment(); }

    void aChangeMarksTheWindowModifiedAndUndoClearsIt()
    {
        MainWindow window;
        test::loadTinyScenario(window.document());
        QVERIFY(!window.isWindowModified());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Untitled[*]")));
        makeAChange(window);
        QVERIFY(window.isWindowModified());
        window.document()->undoStack()->undo();
        QVERIFY(!window.isWindowModified());
    }

    void anImportMarksTheDocumentModifiedAndUndoTakesItBack()
    {
        test::CleanerGridImport import;
        QVERIFY(!import.path.isEmpty());
        MainWindow &window = import.window;
        window.importTrace(import.path);
        QVERIFY2(import.answers.answeredAsExpected(), qPrintable(import.answers.failure()));
        QCOMPARE(window.document()->scenario().intensity, (std::vector<double>{50, 60, 70}));
        QVERIFY(window.isWindowModified());
        window.document()->undoStack()->undo();
        QCOMPARE(window.document()->scenario().intensity, (std::vector<double>{100, 200, 300}));
        QCOMPARE(window.document()->scenario().requests, (std::vector<double>{1000, 2000, 3000}));
        QVERIFY(!window.isWindowModified());
    }

    // Each way of leaving the work asks, in the same words but for what it is about to do; Cancel keeps the
    // window, its traces, the change and the untitled state, and no file dialog follows (50 ms to show one).
    void withChangesEachWayOutAsksAndCancelKeepsEverything_data()
    {
        QTest::addColumn<QByteArray>("trigger"); // the action's object name, or "Ctrl+Q" for the key
        QTest::addColumn<QString>("doing");
        QTest::newRow("Ctrl+Q") << QByteArray("Ctrl+Q") << QStringLiteral("quitting");
        QTest::newRow("File > New") << QByteArray("actionNewProject") << QStringLiteral("starting a new project");
        QTest::newRow("File > Open") << QByteArray("actionOpenProject") << QStringLiteral("opening another project");
        QTest::newRow("File > Open default scenario") << QByteArray("actionOpenDefaultScenario")
                                                      << QStringLiteral("opening the default scenario");
    }
    void withChangesEachWayOutAsksAndCancelKeepsEverything()
    {
        QFETCH(QByteArray, trigger);
        QFETCH(QString, doing);
        MainWindow window;
        showWithAChange(window);
        test::ModalAnswerer answers;
        answers.press(QMessageBox::Cancel);
        if (trigger == "Ctrl+Q")
            QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
        else
            test::action(&window, trigger.constData())->trigger();
        QVERIFY2(answers.answeredAsExpected(50), qPrintable(answers.failure()));
        QCOMPARE(answers.boxes().size(), 1);
        QCOMPARE(answers.boxes().front(),
                 QStringLiteral("Unsaved changes | Save the changes to the untitled scenario before %1? | "
                                "Discard loses them; Cancel keeps everything as it is. | Cancel, Discard, Save")
                     .arg(doing));
        QVERIFY(window.isVisible());
        QVERIFY(window.project()->path().isEmpty());
        QCOMPARE(window.document()->scenario().size(), std::size_t(3));
        QCOMPARE(window.document()->scenario().intensity, (std::vector<double>{100, 200, 300}));
        QCOMPARE(window.document()->policies().baseline, std::string("model:ResNet34"));
        QVERIFY(window.isWindowModified());
    }

    void ctrlQWithChangesAndDiscardCloses()
    {
        MainWindow window;
        showWithAChange(window);
        test::ModalAnswerer answers;
        answers.press(QMessageBox::Discard);
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 60000);
        QVERIFY2(answers.answeredAsExpected(), qPrintable(answers.failure()));
    }

    void closingWithoutChangesDoesNotAsk()
    {
        MainWindow window;
        test::loadTinyScenario(window.document());
        QVERIFY(test::showActive(window));
        test::ModalAnswerer answers; // no step: any dialog would be unexpected
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 60000);
        QVERIFY2(answers.answeredAsExpected(50), qPrintable(answers.failure()));
    }

    void closingTheWindowWithChangesAndSaveSavesFirst()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kept.csdb"));
        {
            MainWindow window;
            QVERIFY(showSavedTinyProject(window, path));
            makeAChange(window);
            test::ModalAnswerer answers;
            answers.press(QMessageBox::Save);
            window.close(); // the title bar's close button
            QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 60000);
            QVERIFY2(answers.answeredAsExpected(), qPrintable(answers.failure()));
            QVERIFY(answers.boxes().front().contains(QStringLiteral("Save the changes to kept.csdb before quitting?")));
        }
        QCOMPARE(test::savedBaseline(path), std::string("model:ResNet34"));
    }

    void openProjectWithChangesAndDiscardOpensIt()
    {
        QTemporaryDir dir;
        const QString other = dir.filePath(QStringLiteral("other.csdb"));
        QVERIFY(test::writeTinyProject(other, "model:ResNet101"));
        MainWindow window;
        showWithAChange(window);
        test::ModalAnswerer discard;
        discard.press(QMessageBox::Discard).chooseFile(other);
        test::action(&window, "actionOpenProject")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.project()->path(), other, 60000);
        QVERIFY2(discard.answeredAsExpected(), qPrintable(discard.failure()));
        QCOMPARE(window.document()->policies().baseline, std::string("model:ResNet101"));
        QVERIFY(!window.isWindowModified());
    }

    void openDefaultScenarioOnAnOpenProjectMarksItModifiedAndUndoes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tiny.csdb"));
        MainWindow window;
        QVERIFY(showSavedTinyProject(window, path));
        QVERIFY(!window.isWindowModified());

        test::ModalAnswerer answers; // nothing unsaved: no question
        test::action(&window, "actionOpenDefaultScenario")->trigger();
        // June 2023 on the coarser grid of the two traces, the requests' hours: 30 days x 24 = 720 intervals;
        // the project is still open and now modified.
        QCOMPARE(window.document()->scenario().size(), std::size_t(720));
        QCOMPARE(window.project()->path(), path);
        QVERIFY(window.isWindowModified());
        QVERIFY2(answers.answeredAsExpected(), qPrintable(answers.failure()));

        window.document()->undoStack()->undo();
        QCOMPARE(window.document()->scenario().intensity, (std::vector<double>{100, 200, 300}));
        QVERIFY(!window.isWindowModified());
        // Redone and saved, the project holds the default traces.
        window.document()->undoStack()->redo();
        test::action(&window, "actionSaveProject")->trigger();
        QVERIFY(!window.isWindowModified());
        MainWindow reopened;
        QVERIFY(reopened.project()->openProject(path));
        QCOMPARE(reopened.document()->scenario().size(), std::size_t(720));
    }
};

QTEST_MAIN(TestUnsavedChanges)
#include "test_unsaved_changes.moc"
