// Projects that cannot be opened or written never cost the open work: a corrupt file, a file that is not a
// project and one made by a newer CarbonScope are reported in a dialog naming the file, and the window keeps
// the project it had; a bad last project at start gives the dialog and then the default scenario, untitled;
// a read-only project opens for viewing, says read-only, is not written to, and Save turns into Save As;
// Save As into a folder that cannot be written names the file and the OS error and leaves the file there as it
// was; recent files are absolute paths and files that are gone drop out. Driven through File menu actions, the file
// dialog and the message boxes, as a user would.
#include "folderaccess.h"
#include "uitestfixture.h"

#include "database.h"
#include "modalanswerer.h"
#include "projectsession.h"

#include <QAction>
#include <QDir>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace cs;

class TestProjectFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::useTestEnvironment();
    }

    void aBadProjectIsReportedAndTheOpenOneStays_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("corrupt") << QByteArray("corrupt") << QStringLiteral("corrupt");
        QTest::newRow("not a project") << QByteArray("text") << QStringLiteral("not a CarbonScope project");
        QTest::newRow("newer") << QByteArray("newer") << QStringLiteral("newer CarbonScope");
    }
    void aBadProjectIsReportedAndTheOpenOneStays()
    {
        QFETCH(QByteArray, kind);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.csdb"));
        const QString bad = dir.filePath(QStringLiteral("bad.csdb"));
        QVERIFY(test::writeTinyProject(good, "model:ResNet101"));
        if (kind == "text") {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("datetime,intensity\n2023-06-01T00:00:00,100\n");
        } else {
            QVERIFY(test::writeTinyProject(bad));
            if (kind == "newer") {
                Database db(bad.toStdString(), Database::Mode::ReadWrite);
                db.exec("PRAGMA user_version = 99");
            } else {
                // Past the header, every page overwritten with noise: the header still says SQLite.
                QFile f(bad);
                QVERIFY(f.open(QIODevice::ReadWrite));
                const qint64 size = f.size();
                QVERIFY(size > 8192);
                f.seek(100);
                f.write(QByteArray(static_cast<int>(size - 100), '\x5a'));
            }
        }
        const QByteArray badBefore = test::fileBytes(bad);

        MainWindow window;
        QVERIFY(window.project()->openProject(good));
        window.show();
        test::ModalAnswerer answers;
        answers.chooseFile(bad).press(QMessageBox::Ok);
        test::action(&window, "actionOpenProject")->trigger();
        QVERIFY2(answers.answeredAsExpected(), qPrintable(answers.failure()));
        QCOMPARE(answers.boxes().size(), 1);
        const QString box = answers.boxes().front();
        QVERIFY2(box.startsWith(QStringLiteral("Cannot open | Cannot open %1 | ").arg(bad)), qPrintable(box));
        QVERIFY2(box.contains(reason), qPrintable(box));
        // Nothing opened in its place: the good project, its traces and its baseline are still there.
        QCOMPARE(window.project()->path(), good);
        QCOMPARE(window.document()->scenario().intensity, (std::vector<double>{100, 200, 300}));
        QCOMPARE(window.document()->policies().baseline, std::string("model:ResNet101"));
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("good.csdb")));
        QCOMPARE(test::fileBytes(bad), badBefore); // and the bad file is not touched
    }

    void aBadLastProjectAtStartGivesTheDialogThenTheDefaultScenarioUntitled()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("last.csdb"));
        QVERIFY(test::writeTinyProject(path)); // saving makes it the last project
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(100);
            f.write(QByteArray(static_cast<int>(f.size() - 100), '\x5a'));
        }
        MainWindow window;
        test::ModalAnswerer answers;
        answers.press(QMessageBox::Ok);
        window.openInitial();
        QVERIFY2(answers.answeredAsExpected(), qPrintable(answers.failure()));
        QVERIFY(answers.boxes().front().startsWith(QStringLiteral("Cannot open | Cannot open %1").arg(path)));
        QVERIFY(window.project()->path().isEmpty());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Untitled")));
        QCOMPARE(window.document()->scenario().size(), std::size_t(720)); // June 2023, hourly: 30 x 24
    }

    void aReadOnlyProjectOpensForViewingAndSaveAsksForSaveAs_data()
    {
        QTest::addColumn<bool>("folderReadOnly");
        QTest::newRow("file 0444") << false;
        QTest::newRow("folder 0555") << true;
    }
    void aReadOnlyProjectOpensForViewingAndSaveAsksForSaveAs()
    {
        QFETCH(bool, folderReadOnly);
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + QStringLiteral("/team.csdb");
        QVERIFY(test::writeTinyProject(path, "model:ResNet101"));
        const QByteArray before = test::fileBytes(path);
        const QStringList filesBefore = test::folderEntries(folder);
        std::optional<test::ReadOnlyFolder> readOnlyFolder;
        if (folderReadOnly) {
            readOnlyFolder.emplace(folder);
            QVERIFY(readOnlyFolder->isSet());
        } else {
            QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        }

        MainWindow window;
        test::showTinyScenario(window);
        test::ModalAnswerer opening; // opening succeeds: no message box
        opening.chooseFile(path);
        test::action(&window, "actionOpenProject")->trigger();
        QVERIFY2(opening.answeredAsExpected(), qPrintable(opening.failure()));
        QCOMPARE(window.project()->path(), path);
        QVERIFY(window.project()->isReadOnly());
        const QString status = window.statusBar()->currentMessage();
        QVERIFY2(status.contains(QStringLiteral("read-only")), qPrintable(status));
        QVERIFY(!status.contains(QStringLiteral("corrupt")));
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("team.csdb[*] (read-only)")));
        QCOMPARE(window.document()->policies().baseline, std::string("model:ResNet101"));

        // An edit, then Save: it says read-only and offers Save As; Cancel writes nothing.
        window.document()->setBaseline("model:ResNet34");
        test::ModalAnswerer cancel;
        cancel.press(QMessageBox::Cancel);
        test::action(&window, "actionSaveProject")->trigger();
        QVERIFY2(cancel.answeredAsExpected(), qPrintable(cancel.failure()));
        QVERIFY2(cancel.boxes().front().startsWith(QStringLiteral("Read-only project | %1 is read-only").arg(path)),
                 qPrintable(cancel.boxes().front()));
        QVERIFY(window.isWindowModified());

        const QString copy = dir.filePath(QStringLiteral("mine.csdb"));
        test::ModalAnswerer saveAs;
        saveAs.press(QStringLiteral("Save As")).chooseFile(copy);
        test::action(&window, "actionSaveProject")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.project()->path(), copy, 60000);
        QVERIFY2(saveAs.answeredAsExpected(), qPrintable(saveAs.failure()));
        QVERIFY(!window.isWindowModified());
        QVERIFY(!window.project()->isReadOnly());

        // The read-only project was not written, nor anything beside it (no -wal, -shm or temporary).
        QCOMPARE(test::fileBytes(path), before);
        QCOMPARE(test::folderEntries(folder), filesBefore);
        QCOMPARE(test::savedBaseline(copy), std::string("model:ResNet34"));
    }

    void saveAsIntoAReadOnlyFolderShowsTheOsErrorAndChangesNothing()
    {
        QTemporaryDir dir;
        const QString existing = dir.filePath(QStringLiteral("existing.csdb"));
        QVERIFY(test::writeTinyProject(existing, "model:ResNet101"));
        const QByteArray before = test::fileBytes(existing);
        const test::ReadOnlyFolder readOnly(dir.path());
        QVERIFY(readOnly.isSet());
        MainWindow window;
        test::showTinyScenario(window);
        window.document()->setBaseline("model:ResNet34");
        test::ModalAnswerer answers;
        answers.chooseFile(existing)
            .then([yes = answers.pressStep(QMessageBox::Yes)](QWidget *modal) { // the file dialog: replace it?
                test::actAsUnprivilegedUser(true);
                yes(modal);
            })
            .then([ok = answers.pressStep(QMessageBox::Ok)](QWidget *modal) {
                test::actAsUnprivilegedUser(false);
                ok(modal);
            });
        test::action(&window, "actionSaveProjectAs")->trigger();
        test::actAsUnprivilegedUser(false);
        QVERIFY2(answers.answeredAsExpected(), qPrintable(answers.failure()));
        const QString box = answers.boxes().back();
        QVERIFY2(box.startsWith(QStringLiteral("Cannot save | Cannot save %1 | %1: cannot write (creating a temporary "
                                               "file in %2): Permission denied")
                                    .arg(existing, dir.path())),
                 qPrintable(box));
        // The file there keeps every byte, nothing else appeared, and the work is still unsaved and untitled.
        QCOMPARE(test::fileBytes(existing), before);
        QCOMPARE(test::folderEntries(dir.path()), QStringList{QStringLiteral("existing.csdb")});
        QVERIFY(window.project()->path().isEmpty());
        QVERIFY(window.isWindowModified());
        QCOMPARE(window.document()->policies().baseline, std::string("model:ResNet34"));
    }

    void saveAsOverAWriteProtectedProjectIsRefused()
    {
        QTemporaryDir dir;
        const QString kept = dir.filePath(QStringLiteral("kept.csdb"));
        QVERIFY(test::writeTinyProject(kept, "model:ResNet101"));
        QVERIFY(QFile::setPermissions(kept, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const QByteArray before = test::fileBytes(kept);
        MainWindow window;
        test::showTinyScenario(window);
        test::ModalAnswerer answers;
        answers.chooseFile(kept).press(QMessageBox::Yes).press(QMessageBox::Ok);
        test::action(&window, "actionSaveProjectAs")->trigger();
        QVERIFY2(answers.answeredAsExpected(), qPrintable(answers.failure()));
        QCOMPARE(answers.boxes().back(),
                 QStringLiteral("Cannot save | Cannot save %1 | %1: is read-only (no permission to write it); refusing "
                                "to replace it | OK")
                     .arg(kept));
        QCOMPARE(test::fileBytes(kept), before);
        QCOMPARE(test::folderEntries(dir.path()), QStringList{QStringLiteral("kept.csdb")});
        QVERIFY(window.project()->path().isEmpty());
    }

    void recentFilesAreAbsoluteAndGoneOnesDropOut()
    {
        QTemporaryDir dir;
        const QString cwd = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path()));
        {
            MainWindow window;
            test::loadTinyScenario(window.document());
            QVERIFY(window.project()->saveAs(QStringLiteral("first.csdb"))); // relative, as typed
            QVERIFY(window.project()->saveAs(QStringLiteral("./second.csdb")));
        }
        QDir::setCurrent(cwd);
        const QString first = QDir(dir.path()).filePath(QStringLiteral("first.csdb"));
        const QString second = QDir(dir.path()).filePath(QStringLiteral("second.csdb"));
        QStringList recent = ProjectSession::recentProjects();
        QVERIFY(recent.size() >= 2);
        QCOMPARE(recent.mid(0, 2), (QStringList{second, first}));

        MainWindow window;
        QVERIFY(QFile::remove(second));
        recent = ProjectSession::recentProjects();
        QVERIFY(!recent.contains(second));
        QCOMPARE(recent.front(), first);
        QVERIFY(!QSettings().value(QStringLiteral("project/recent")).toStringList().contains(second));

        // The recent menu opens it, from any working folder.
        window.show();
        auto *menu = window.findChild<QMenu *>(QStringLiteral("menuRecent"));
        QVERIFY(menu);
        QAction *entry = nullptr;
        for (QAction *a : menu->actions())
            if (a->statusTip() == first)
                entry = a;
        QVERIFY(entry);
        entry->trigger();
        QCOMPARE(window.project()->path(), first);
    }
};

QTEST_MAIN(TestProjectFailures)
#include "test_project_failures.moc"
