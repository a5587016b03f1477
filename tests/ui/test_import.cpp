// The import dialog driven as a user would: a bad file's error names its line and leaves the scenario as it was;
// a good file is previewed with its columns detected and imported off the GUI thread.
#include "fixture_files.h"
#include "ui_shown.h"
#include "uitestfixture.h"

#include "importdialog.h"
#include "importjob.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSignalSpy>
#include <QAbstractItemView>
#include <QLineEdit>
#include <QTableWidget>
#include <QTemporaryDir>
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

    // Shows the dialog and chooses `path` in it, as File > Import does; false where the file or the window is not
    // there (an empty path: writeFixture could not write it).
    static bool showOn(ImportDialog &dialog, const QString &path)
    {
        if (path.isEmpty() || !test::showExposed(dialog))
            return false;
        dialog.setPath(path);
        return true;
    }

    static bool dialogHasZoneNames()
    {
        ImportDialog dialog;
        return dialog.timeZone()->completer() != nullptr;
    }

private Q_SLOTS:
    void badFileShowsErrorNamingItsLine()
    {
        ImportDialog dialog;
        QVERIFY(showOn(dialog, test::dataPath("bad_carbon.csv")));
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
        QVERIFY(showOn(dialog, test::dataPath("tiny_carbon.csv")));
        QCOMPARE(dialog.request().kind, ImportRequest::Kind::Carbon);
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QTest::mouseClick(importButton(dialog), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.front().front().toBool(), true);
        QVERIFY(dialog.series().has_value());
        QCOMPARE(dialog.series()->values, (std::vector<double>{100, 200, 300}));
        QCOMPARE(dialog.series()->intervalSeconds, UtcSeconds(3600));
    }

    void timeZoneFieldReachesTheImport()
    {
        if (!dialogHasZoneNames())
            QSKIP("the named time zones (date-tz, tzdata) are not built here");
        QTemporaryDir dir;
        ImportDialog dialog;
        // Local Europe/London times on 29 Oct 2023, when clocks go back at 02:00 BST: 00:00 BST = 28 Oct 23:00 UTC
        // (1698534000 by calendar.timegm), 01:00 BST = 00:00 UTC, 01:00 GMT = 01:00 UTC, 02:00 GMT = 02:00 UTC.
        QVERIFY(showOn(dialog, test::writeFixture(dir, QStringLiteral("london.csv"),
            "time,carbon intensity\n2023-10-29 00:00,100\n2023-10-29 01:00,200\n2023-10-29 01:00,300\n"
            "2023-10-29 02:00,400\n")));
        // The field completes over the zone names, ignoring case and matching inside a name.
        QCompleter *completer = dialog.timeZone()->completer();
        QVERIFY(completer);
        completer->setCompletionPrefix(QStringLiteral("london"));
        QCOMPARE(completer->currentCompletion(), QStringLiteral("Europe/London"));
        dialog.timeZone()->setFocus();
        QTest::keyClicks(dialog.timeZone(), QStringLiteral("Europe/London"));
        completer->popup()->hide(); // as a click elsewhere would; an open popup would take the Import click
        dialog.timeFormat()->setCurrentIndex(dialog.timeFormat()->findData(QStringLiteral("iso")));
        QCOMPARE(dialog.request().timeZone, QStringLiteral("Europe/London"));
        QCOMPARE(dialog.request().timeFormat, QStringLiteral("iso"));
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QTest::mouseClick(importButton(dialog), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.front().front().toBool(), qPrintable(dialog.errorLabel()->text()));
        const UtcSeconds t0 = 1698534000;
        QCOMPARE(dialog.series()->times, (std::vector<UtcSeconds>{t0, t0 + 3600, t0 + 7200, t0 + 10800}));
        QCOMPARE(dialog.series()->values, (std::vector<double>{100, 200, 300, 400}));
    }

    void unknownTimeZoneIsShownInTheDialog()
    {
        if (!dialogHasZoneNames())
            QSKIP("the named time zones (date-tz, tzdata) are not built here");
        ImportDialog dialog;
        QVERIFY(showOn(dialog, test::dataPath("tiny_carbon.csv")));
        dialog.timeZone()->setText(QStringLiteral("Mars/Olympus_Mons"));
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QTest::mouseClick(importButton(dialog), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.front().front().toBool(), false);
        const QString error = dialog.errorLabel()->text();
        QVERIFY2(error.contains(QStringLiteral("unknown time zone \"Mars/Olympus_Mons\"")), qPrintable(error));
        QVERIFY(dialog.isVisible());
    }

    void chosenDelimiterHeaderAndTimeColumnReachTheImport()
    {
        QTemporaryDir dir;
        ImportDialog dialog;
        // No header, pipe-separated, value first and time second: 1 June 2023 00:00 UTC is 1685577600
        // (calendar.timegm), the rows an hour apart.
        QVERIFY(showOn(dialog, test::writeFixture(dir, QStringLiteral("no header.txt"),
            "150|2023-06-01T00:00:00Z\n160|2023-06-01T01:00:00Z\n170|2023-06-01T02:00:00Z\n")));
        dialog.delimiter()->setCurrentIndex(dialog.delimiter()->findData(QStringLiteral("|")));
        dialog.header()->setCurrentIndex(dialog.header()->findData(QStringLiteral("no")));
        Q_EMIT dialog.header()->activated(dialog.header()->currentIndex()); // as the user's choice does
        // The preview re-splits: three data rows of two columns, named by position.
        QCOMPARE(dialog.preview()->rowCount(), 3);
        QCOMPARE(dialog.preview()->columnCount(), 2);
        QCOMPARE(dialog.preview()->item(0, 0)->text(), QStringLiteral("150"));
        QCOMPARE(dialog.preview()->horizontalHeaderItem(1)->text(), QStringLiteral("column 2"));
        dialog.timeColumn()->setCurrentIndex(dialog.timeColumn()->findData(QStringLiteral("2")));
        dialog.valueColumn()->setCurrentIndex(dialog.valueColumn()->findData(QStringLiteral("1")));
        dialog.setKind(ImportRequest::Kind::Carbon);
        const ImportRequest r = dialog.request();
        QCOMPARE(r.delimiter, QStringLiteral("|"));
        QCOMPARE(r.header, QStringLiteral("no"));
        QCOMPARE(r.timeColumn, QStringLiteral("2"));
        QCOMPARE(r.valueColumn, QStringLiteral("1"));
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QTest::mouseClick(importButton(dialog), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.front().front().toBool(), qPrintable(dialog.errorLabel()->text()));
        const UtcSeconds t0 = 1685577600;
        QCOMPARE(dialog.series()->times, (std::vector<UtcSeconds>{t0, t0 + 3600, t0 + 7200}));
        QCOMPARE(dialog.series()->values, (std::vector<double>{150, 160, 170}));
    }

    void skipBadRowsImportsTheRestAndSaysHowMany()
    {
        QTemporaryDir dir;
        ImportDialog dialog;
        // Line 3 holds "n/a" where a number belongs: column 19, after the 18 characters of "2023-06-01T01:00Z,".
        QVERIFY(showOn(dialog, test::writeFixture(dir, QStringLiteral("one bad row.csv"),
            "datetime,intensity\n2023-06-01T00:00Z,100\n2023-06-01T01:00Z,n/a\n2023-06-01T02:00Z,300\n")));
        {
            QSignalSpy finished(&dialog, &ImportDialog::importFinished);
            QTest::mouseClick(importButton(dialog), Qt::LeftButton);
            QVERIFY(finished.wait(10000));
            QCOMPARE(finished.front().front().toBool(), false);
            QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("one bad row.csv:3:19")),
                     qPrintable(dialog.errorLabel()->text()));
        }
        dialog.skipBadRows()->setChecked(true);
        QVERIFY(dialog.request().skipBadRows);
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QTest::mouseClick(importButton(dialog), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.front().front().toBool(), qPrintable(dialog.errorLabel()->text()));
        // 1 June 2023 00:00 UTC = 1685577600; the 01:00 row is left out, so 02:00 follows a two-hour step.
        QCOMPARE(dialog.series()->times, (std::vector<UtcSeconds>{1685577600, 1685577600 + 7200}));
        QCOMPARE(dialog.series()->values, (std::vector<double>{100, 300}));
        QVERIFY2(dialog.warnings().contains(QStringLiteral("1 bad row")), qPrintable(dialog.warnings()));
    }

    void twitterTraceWithStartIntervalAndOperation()
    {
        QTemporaryDir dir;
        ImportDialog dialog;
        // Twitter cache-trace lines (timestamp,key,key size,value size,client,operation,TTL): gets at 0, 10, 61,
        // 125 and 130 s, a set at 30 s. Counting gets per minute: [0, 60) 2, [60, 120) 1, [120, 180) 2.
        QVERIFY(showOn(dialog, test::writeFixture(dir, QStringLiteral("cluster trace.csv"),
            "0,k1,17,249,1,get,0\n10,k2,16,0,2,get,0\n30,k3,16,10,2,set,0\n61,k4,17,12,1,get,0\n"
            "125,k5,17,1,3,get,0\n130,k6,17,1,3,get,0\n")));
        QCOMPARE(dialog.request().kind, ImportRequest::Kind::Requests); // told by the Twitter importer
        {
            // Without the start the dialog says what to enter, in its own words.
            QSignalSpy refused(&dialog, &ImportDialog::importFinished);
            QTest::mouseClick(importButton(dialog), Qt::LeftButton);
            QCOMPARE(refused.count(), 1);
            QCOMPARE(refused.front().front().toBool(), false);
            QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("start time")),
                     qPrintable(dialog.errorLabel()->text()));
        }
        QTest::keyClicks(dialog.traceStart(), QStringLiteral("2020-03-01T00:00:00Z"));
        QTest::keyClicks(dialog.operation(), QStringLiteral("get"));
        QCOMPARE(dialog.interval()->value(), 60);
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QTest::mouseClick(importButton(dialog), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.front().front().toBool(), qPrintable(dialog.errorLabel()->text()));
        const UtcSeconds t0 = 1583020800; // 2020-03-01T00:00:00Z (calendar.timegm)
        QCOMPARE(dialog.series()->times, (std::vector<UtcSeconds>{t0, t0 + 60, t0 + 120}));
        QCOMPARE(dialog.series()->values, (std::vector<double>{2, 1, 2}));
    }

    void zeroActualMorningIsReportedAndTakesTheForecast()
    {
        // Issue 15: GB national actuals 0, 0, 165, 175 beside forecasts 150, 160, 170, 180 (a hand-made fixture).
        ImportDialog dialog;
        QVERIFY(showOn(dialog,
                       QStringLiteral(CARBONSCOPE_SOURCE_DIR "/tests/data/importers/ukci_national_zero_actual_morning.json")));
        QVERIFY(dialog.zeroActualIsMissing()->isChecked()); // on by default for UK CI data
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QTest::mouseClick(importButton(dialog), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.front().front().toBool(), qPrintable(dialog.errorLabel()->text()));
        QCOMPARE(dialog.series()->values, (std::vector<double>{150, 160, 165, 175}));
        // The report is shown and the dialog waits for a look: two zeros, from 06:00 to 07:00.
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.reviewing());
        QCOMPARE(dialog.quality()->zeros, std::size_t(2));
        const QString report = dialog.qualityLabel()->text();
        QVERIFY2(report.contains(QStringLiteral("2 zeros from 2024-03-04T06:00:00Z to 2024-03-04T07:00:00Z")),
                 qPrintable(report));
        QVERIFY2(dialog.warnings().contains(QStringLiteral("2 zeros; zero actuals taken from the forecast")),
                 qPrintable(dialog.warnings()));
        // Without the choice the zeros stay as published, without reading the file again.
        dialog.zeroActualIsMissing()->setChecked(false);
        QCOMPARE(dialog.series()->values, (std::vector<double>{0, 0, 165, 175}));
        QVERIFY(!dialog.warnings().contains(QStringLiteral("taken from the forecast")));
        dialog.zeroActualIsMissing()->setChecked(true);
        QPushButton *use = nullptr;
        for (QPushButton *b : dialog.findChild<QDialogButtonBox *>()->findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Use this data"))
                use = b;
        QVERIFY(use);
        QTest::mouseClick(use, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(finished.count(), 1); // read once
        QCOMPARE(dialog.series()->values, (std::vector<double>{150, 160, 165, 175}));
    }

    void cleanDataIsAcceptedAtOnceAndNamedReadably()
    {
        ImportDialog dialog;
        QVERIFY(showOn(dialog, test::dataPath("tiny_requests.csv")));
        QVERIFY(!dialog.zeroActualIsMissing()->isChecked()); // a CSV: off by default
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QTest::mouseClick(importButton(dialog), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.front().front().toBool());
        QVERIFY(!dialog.reviewing());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.series()->name, std::string("tiny_requests")); // not its column "y"
    }

    void guessReadsAHeaderlessPipeFile()
    {
        // "150" starts like a number, so the first row is data; the time column is the one written like a date.
        const ImportDialog::Guess g = ImportDialog::guess("150|2023-06-01T00:00:00Z\n160|2023-06-01T01:00:00Z\n");
        QCOMPARE(g.delimiter, QLatin1Char('|'));
        QVERIFY(!g.hasHeader);
        QCOMPARE(g.rows.size(), 2);
        QCOMPARE(g.timeColumn, 1);
        QCOMPARE(g.valueColumn, 0);
        QCOMPARE(g.header, (QStringList{QStringLiteral("column 1"), QStringLiteral("column 2")}));
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
