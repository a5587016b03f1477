// Unsaved changes are never dropped without asking: Ctrl+Q, closing the window, File > New, File > Open and
// File > Open default scenario ask Save / Discard / Cancel; Cancel keeps the window and the work, Discard goes
// on, Save saves first. Every change marks the window modified ('*'), the default scenario's traces on an open
// project included, and undoing back to the saved state clears the mark. Everything goes through the actions
// and keys a user presses; the dialogs are answered by clicking their buttons.
#include "fixture_files.h"
#include "ui_shown.h"
#include "uitestfixture.h"

#include "importdialog.h"
#include "modalanswerer.h"
#include "projectsession.h"

#include <QAction>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace cs;

namespace {

QAction *action(QWidget *window, const char *name)
{
    return window->findChild<QAction *>(QLatin1String(name));
}

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
        QTemporaryDir dir;
        const QString path = test::writeFixture(dir, QStringLiteral("cleaner grid.csv"), test::CleanerGridCsv);
        QVERIFY(!path.isEmpty());
        MainWindow window;
        test::showTinyScenario(window);
        test::ModalAnswerer answers;
        answers.then([](QWidget *modal) {
            auto *dialog = qobject_cast<ImportDialog *>(modal);
            QVERIFY(dialog);
            dialog->setKind(ImportRequest::Kind::Carbon);
            dialog->startImport(); // accepts itself when the worker has read the file
        });
        window.importTrace(path);
        QTRY_VERIFY_WITH_TIMEOUT(answers.done(), 60000);
        QVERIFY2(answers.unexpected().isEmpty(), qPrintable(answers.unexpected().join(QStringLiteral("; "))));
        QCOMPARE(window.document()->scenario().intensity, (std::vector<double>{50, 60, 70}));
        QVERIFY(window.isWindowModified());
        window.document()->undoStack()->undo();
        QCOMPARE(window.document()->scenario().intensity, (std::vector<double>{100, 200, 300}));
        QCOMPARE(window.document()->scenario().requests, (std::vector<double>{1000, 2000, 3000}));
        QVERIFY(!window.isWindowModified());
    }

    void ctrlQWithChangesAsksAndCancelKeepsTheWindowAndTheWork()
    {
        MainWindow window;
        showWithAChange(window);
        test::ModalAnswerer answers;
        answers.press(QMessageBox::Cancel);
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(answers.done(), 60000);
        QVERIFY2(answers.unexpected().isEmpty(), qPrintable(answers.unexpected().join(QStringLiteral("; "))));
        QCOMPARE(answers.boxes().size(), 1);
        QCOMPARE(answers.boxes().front(),
                 QStringLiteral("Unsaved changes | Save the changes to the untitled scenario before quitting? | "
                                "Discard loses them; Cancel keeps everything as it is. | Cancel, Discard, Save"));
        QVERIFY(window.isVisible());
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
        QTRY_VERIFY_WITH_TIMEOUT(answers.done(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 60000);
        QVERIFY2(answers.unexpected().isEmpty(), qPrintable(answers.unexpected().join(QStringLiteral("; "))));
    }

    void closingWithoutChangesDoesNotAsk()
    {
        MainWindow window;
        test::loadTinyScenario(window.document());
        QVERIFY(test::showActive(window));
        test::ModalAnswerer answers; // no step: any dialog would be unexpected
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 60000);
        QTest::qWait(50);
        QVERIFY2(answers.unexpected().isEmpty(), qPrintable(answers.unexpected().join(QStringLiteral("; "))));
    }

    void closingTheWindowWithChangesAndSaveSavesFirst()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kept.csdb"));
        {
            MainWindow window;
            QVERIFY(test::saveTinyProject(window, path));
            QVERIFY(test::showActive(window));
            makeAChange(window);
            test::ModalAnswerer answers;
            answers.press(QMessageBox::Save);
            window.close(); // the title bar's close button
            QTRY_VERIFY_WITH_TIMEOUT(answers.done(), 60000);
            QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 60000);
            QVERIFY(answers.boxes().front().contains(QStringLiteral("Save the changes to kept.csdb before quitting?")));
        }
        MainWindow reopened;
        QVERIFY(reopened.project()->openProject(path));
        QCOMPARE(reopened.document()->policies().baseline, std::string("model:ResNet34"));
    }

    void newProjectWithChangesAsksAndCancelKeepsEverything()
    {
        MainWindow window;
        showWithAChange(window);
        test::ModalAnswerer answers;
        answers.press(QMessageBox::Cancel); // no file dialog may follow
        action(&window, "actionNewProject")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(answers.done(), 60000);
        QTest::qWait(50);
        QVERIFY2(answers.unexpected().isEmpty(), qPrintable(answers.unexpected().join(QStringLiteral("; "))));
        QVERIFY(answers.boxes().front().contains(QStringLiteral("before starting a new project?")));
        QCOMPARE(window.document()->scenario().intensity, (std::vector<double>{100, 200, 300}));
        QCOMPARE(window.document()->policies().baseline, std::string("model:ResNet34"));
    }

    void openProjectWithChangesAsksThenDiscardOpensIt()
    {
        QTemporaryDir dir;
        const QString other = dir.filePath(QStringLiteral("other.csdb"));
        {
            MainWindow source;
            test::loadTinyScenario(source.document());
            source.document()->setBaseline("model:ResNet101");
            QVERIFY(source.project()->saveAs(other));
        }
        MainWindow window;
        showWithAChange(window);

        test::ModalAnswerer cancel;
        cancel.press(QMessageBox::Cancel);
        action(&window, "actionOpenProject")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(cancel.done(), 60000);
        QTest::qWait(50);
        QVERIFY2(cancel.unexpected().isEmpty(), qPrintable(cancel.unexpected().join(QStringLiteral("; ")))); // no file dialog after Cancel
        QVERIFY(cancel.boxes().front().contains(QStringLiteral("before opening another project?")));
        QVERIFY(window.project()->path().isEmpty());

        test::ModalAnswerer discard;
        discard.press(QMessageBox::Discard).chooseFile(other);
        action(&window, "actionOpenProject")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(discard.done(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(window.project()->path(), other, 60000);
        QVERIFY2(discard.unexpected().isEmpty(), qPrintable(discard.unexpected().join(QStringLiteral("; "))));
        QCOMPARE(window.document()->policies().baseline, std::string("model:ResNet101"));
        QVERIFY(!window.isWindowModified());
    }

    void openDefaultScenarioWithChangesAsksAndCancelKeeps()
    {
        MainWindow window;
        showWithAChange(window);
        test::ModalAnswerer answers;
        answers.press(QMessageBox::Cancel);
        action(&window, "actionOpenDefaultScenario")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(answers.done(), 60000);
        QVERIFY(answers.boxes().front().contains(QStringLiteral("before opening the default scenario?")));
        QCOMPARE(window.document()->scenario().size(), std::size_t(3));
    }

    void openDefaultScenarioOnAnOpenProjectMarksItModifiedAndUndoes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tiny.csdb"));
        MainWindow window;
        QVERIFY(test::saveTinyProject(window, path));
        QVERIFY(test::showActive(window));
        QVERIFY(!window.isWindowModified());

        test::ModalAnswerer answers; // nothing unsaved: no question
        action(&window, "actionOpenDefaultScenario")->trigger();
        // June 2023 on the coarser grid of the two traces, the requests' hours: 30 days x 24 = 720 intervals;
        // the project is still open and now modified.
        QCOMPARE(window.document()->scenario().size(), std::size_t(720));
        QCOMPARE(window.project()->path(), path);
        QVERIFY(window.isWindowModified());
        QVERIFY2(answers.unexpected().isEmpty(), qPrintable(answers.unexpected().join(QStringLiteral("; "))));

        window.document()->undoStack()->undo();
        QCOMPARE(window.document()->scenario().intensity, (std::vector<double>{100, 200, 300}));
        QVERIFY(!window.isWindowModified());
        // Redone and saved, the project holds the default traces.
        window.document()->undoStack()->redo();
        action(&window, "actionSaveProject")->trigger();
        QVERIFY(!window.isWindowModified());
        MainWindow reopened;
        QVERIFY(reopened.project()->openProject(path));
        QCOMPARE(reopened.document()->scenario().size(), std::size_t(720));
    }
};

QTEST_MAIN(TestUnsavedChanges)
#include "test_unsaved_changes.moc"
