// The import dialog driven as a user would: a bad file's error names its line and leaves the scenario as it was;
// a good file is previewed with its columns detected and imported off the GUI thread.
#include "uitestfixture.h"

#include "importdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

using namespace cs;

class TestImport : public QObject
{
    Q_OBJECT

private:
    static QPushButton *importButton(ImportDialog &dialog)
    {
        for (QPushButton *b : dialog.findChild<QDialogButtonBox *>()->findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Import"))
                return b;
        return nullptr;
    }

private Q_SLOTS:
    void badFileShowsErrorNamingItsLine()
    {
        ImportDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.setPath(test::dataPath("bad_carbon.csv"));
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QPushButton *import = importButton(dialog);
        QVERIFY(import);
        QTest::mouseClick(import, Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.front().front().toBool(), false);
        // bad_carbon.csv: header on line 1, "abc" in the value column on line 3.
        const QString error = dialog.errorLabel()->text();
        QVERIFY2(error.contains(QStringLiteral("bad_carbon.csv:3:")), qPrintable(error));
        QVERIFY(!dialog.series().has_value());
        QVERIFY(dialog.isVisible()); // the dialog stays open so the user can correct the choice
    }

    void previewDetectsTheColumns()
    {
        ImportDialog dialog;
        dialog.setPath(test::dataPath("tiny_requests.csv"));
        QCOMPARE(dialog.preview()->columnCount(), 2);
        QCOMPARE(dialog.preview()->rowCount(), 3);
        QCOMPARE(dialog.preview()->item(1, 1)->text(), QStringLiteral("2000"));
        QCOMPARE(dialog.valueColumn()->currentText(), QStringLiteral("y"));
        QCOMPARE(dialog.request().kind, ImportRequest::Kind::Requests);
    }

    void goodFileImportsOffTheGuiThread()
    {
        ImportDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.setPath(test::dataPath("tiny_carbon.csv"));
        QCOMPARE(dialog.request().kind, ImportRequest::Kind::Carbon);
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QTest::mouseClick(importButton(dialog), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.front().front().toBool(), true);
        QVERIFY(dialog.series().has_value());
        QCOMPARE(dialog.series()->values, (std::vector<double>{100, 200, 300}));
        QCOMPARE(dialog.series()->intervalSeconds, UtcSeconds(3600));
    }

    void guessFindsSemicolonDelimiterAndCarbonColumn()
    {
        const ImportDialog::Guess g = ImportDialog::guess("from;to;forecast;actual\n2023-01-01T00:00Z;x;1;2\n");
        QCOMPARE(g.delimiter, QLatin1Char(';'));
        QCOMPARE(g.timeColumn, 0);
        QCOMPARE(g.valueColumn, 3); // actual before forecast
        QCOMPARE(g.kind, ImportRequest::Kind::Carbon);
    }
};

QTEST_MAIN(TestImport)
#include "test_import.moc"
