// Exports through the menus, the export dialog and the file dialog, as a user makes them: a chart comes out at
// the size typed into the dialog; a chart or CSV aimed at a project (the open one, or any SQLite file) is refused
// in a dialog and the project keeps every byte; a folder that cannot be written gives a dialog with the OS
// error, and nothing (no file, no temporary) is left behind.
#include "folderaccess.h"
#include "uitestfixture.h"
#include "ui_shown.h"

#include "chartexportdialog.h"
#include "modalanswerer.h"
#include "projectsession.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QImage>
#include <QDoubleSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace cs;

namespace {

// The export dialog filled in as a user does: format and unit (points) from the lists, width, height and a PNG's
// resolution typed (72 dpi: one pixel per point, so the PNG has the size typed), OK clicked.
test::ModalAnswerer::Step fillChartDialog(const QString &format, int width, int height)
{
    return [=](QWidget *modal) {
        auto *dialog = qobject_cast<ChartExportDialog *>(modal);
        QVERIFY(dialog);
        const QList<QComboBox *> combos = dialog->findChildren<QComboBox *>();
        for (QComboBox *combo : combos) {
            for (const QString &choice : {format, QStringLiteral("pt")}) {
                const int i = combo->findData(choice);
                if (i >= 0)
                    combo->setCurrentIndex(i);
            }
        }
        const QList<QDoubleSpinBox *> spins = dialog->findChildren<QDoubleSpinBox *>();
        QCOMPARE(spins.size(), 3); // width, height, dpi
        const int values[] = {width, height, 72};
        for (int k = 0; k < 3; ++k) {
            spins[k]->selectAll();
            QTest::keyClicks(spins[k], QString::number(values[k]));
        }
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    };
}

} // namespace

class TestExportRefusals : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> mWindow;

private Q_SLOTS:
    void initTestCase() { test::useTestEnvironment(); }
    void init()
    {
        mWindow = std::make_unique<MainWindow>();
        test::loadTinyScenario(mWindow->document());
        QVERIFY(test::showExposed(*mWindow));
    }
    void cleanup() { mWindow.reset(); }

    void chartExportWritesTheSizeTypedIntoTheDialog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("timeline.png"));
        test::ModalAnswerer answers;
        answers.then(fillChartDialog(QStringLiteral("png"), 640, 400)).chooseFile(path);
        test::action(mWindow.get(), "actionExportChart")->trigger();
        QVERIFY2(answers.answeredAsExpected(), qPrintable(answers.failure()));
        QImage image;
        QVERIFY(image.load(path, "PNG"));
        QCOMPARE(image.size(), QSize(640, 400));
        QCOMPARE(test::folderEntries(dir.path()), QStringList{QStringLiteral("timeline.png")}); // no temporary left
    }

    void chartExportOverAnSqliteFileIsRefusedAndTheFileUnchanged()
    {
        QTemporaryDir dir;
        // A project saved under a chart's name: a slip in the file dialog must not destroy it.
        const QString project = dir.filePath(QStringLiteral("looks-like-a-chart.svg"));
        QVERIFY(test::writeTinyProject(project));
        const QByteArray before = test::fileBytes(project);
        test::ModalAnswerer answers;
        answers.then(fillChartDialog(QStringLiteral("svg"), 800, 500))
            .chooseFile(project)
            .press(QMessageBox::Yes) // the file dialog: replace the existing file?
            .press(QMessageBox::Ok);
        test::action(mWindow.get(), "actionExportChart")->trigger();
        QVERIFY2(answers.answeredAsExpected(), qPrintable(answers.failure()));
        const QString box = answers.boxes().back();
        QVERIFY2(box.startsWith(QStringLiteral("Export failed | Could not write %1 | ").arg(project)), qPrintable(box));
        QVERIFY2(box.contains(QStringLiteral("SQLite database")), qPrintable(box));
        QCOMPARE(test::fileBytes(project), before);
        QCOMPARE(test::folderEntries(dir.path()), QStringList{QStringLiteral("looks-like-a-chart.svg")});
    }

    void csvExportOverTheOpenProjectIsRefusedAndTheProjectUnchanged()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("open.csdb"));
        QVERIFY(mWindow->project()->saveAs(project));
        const QByteArray before = test::fileBytes(project);
        for (const char *name : {"actionExportTotals", "actionExportIntervals"}) {
            test::ModalAnswerer answers;
            answers.chooseFile(project).press(QMessageBox::Yes).press(QMessageBox::Ok);
            test::action(mWindow.get(), name)->trigger();
            QVERIFY2(answers.answeredAsExpected(), qPrintable(answers.failure()));
            QVERIFY2(answers.boxes().back().contains(QStringLiteral("refusing to overwrite it")),
                     qPrintable(answers.boxes().back()));
            QCOMPARE(test::fileBytes(project), before);
        }
        // And the project still opens, with its three intervals.
        MainWindow reopened;
        QVERIFY(reopened.project()->openProject(project));
        QCOMPARE(reopened.document()->scenario().size(), std::size_t(3));
    }

    void exportToAReadOnlyFolderShowsTheOsErrorAndLeavesNothing_data()
    {
        QTest::addColumn<QByteArray>("actionName");
        QTest::addColumn<QString>("file");
        QTest::newRow("totals CSV") << QByteArray("actionExportTotals") << QStringLiteral("totals.csv");
        QTest::newRow("PDF report") << QByteArray("actionExportReport") << QStringLiteral("report.pdf");
        QTest::newRow("chart") << QByteArray("actionExportChart") << QStringLiteral("chart.png");
    }
    void exportToAReadOnlyFolderShowsTheOsErrorAndLeavesNothing()
    {
        QFETCH(QByteArray, actionName);
        QFETCH(QString, file);
        QTemporaryDir dir;
        const test::ReadOnlyFolder readOnly(dir.path());
        QVERIFY(readOnly.isSet());
        const QString path = dir.filePath(file);
        test::ModalAnswerer answers;
        if (actionName == "actionExportChart")
            answers.then(fillChartDialog(QStringLiteral("png"), 300, 200));
        answers.chooseFile(path, [] { test::actAsUnprivilegedUser(true); })
            .then([ok = answers.pressStep(QMessageBox::Ok)](QWidget *modal) {
                test::actAsUnprivilegedUser(false);
                ok(modal);
            });
        test::action(mWindow.get(), actionName.constData())->trigger();
        test::actAsUnprivilegedUser(false);
        QVERIFY2(answers.answeredAsExpected(), qPrintable(answers.failure()));
        QCOMPARE(answers.boxes().size(), 1);
        const QString text = answers.boxes().front();
        QVERIFY2(text.startsWith(QStringLiteral("Export failed | Could not write %1 | %1: cannot write").arg(path)),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Permission denied")), qPrintable(text));
        QCOMPARE(test::folderEntries(dir.path()), QStringList());
    }
};

QTEST_MAIN(TestExportRefusals)
#include "test_export_refusals.moc"
