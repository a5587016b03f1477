// Export writes files that open: a PNG decodes to the size asked for, the CSVs have the expected header and row
// count, the PDFs start with %PDF, the SVG is an SVG document. Both CSVs start with '#' lines that say what they
// hold (scenario, period, pool, baseline, policies, version) and hold the same period.
#include "tinyexportsuite.h"

#include "comparetab.h"
#include "exporter.h"
#include "paretoplot.h"
#include "timelineview.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace cs;

class TestExport : public test::TinyExportSuite
{
    Q_OBJECT

    static QStringList lines(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QStringList out = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        if (!out.isEmpty() && out.last().isEmpty())
            out.removeLast();
        return out;
    }
    // The table's lines: the '#' comment lines dropped.
    static QStringList tableLines(const QString &path)
    {
        QStringList out = lines(path);
        out.erase(std::remove_if(out.begin(), out.end(), [](const QString &l) { return l.startsWith(QLatin1Char('#')); }),
                  out.end());
        return out;
    }
    static QStringList commentLines(const QString &path)
    {
        QStringList out = lines(path);
        out.erase(std::remove_if(out.begin(), out.end(), [](const QString &l) { return !l.startsWith(QLatin1Char('#')); }),
                  out.end());
        return out;
    }
    // The field `column` (by header name) of the row whose spec column is `spec`.
    static QString field(const QStringList &table, const QString &specColumn, const QString &spec, const QString &column)
    {
        const QStringList header = table.value(0).split(QLatin1Char(','));
        const int s = static_cast<int>(header.indexOf(specColumn)), c = static_cast<int>(header.indexOf(column));
        QString last;
        for (const QString &row : table) {
            const QStringList f = row.split(QLatin1Char(','));
            if (f.value(s) == spec)
                last = f.value(c);
        }
        return last;
    }
    static QByteArray head(const QString &path, int n)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.read(n) : QByteArray();
    }

private Q_SLOTS:
    void chartPngDecodesToTheChosenSize_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("800x500") << 800 << 500;
        QTest::newRow("1920x1080") << 1920 << 1080;
    }
    void chartPngDecodesToTheChosenSize()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        const QString path = mDir.filePath(QStringLiteral("timeline.png"));
        QCOMPARE(Exporter::chart(mWindow->timeline()->plot(), path, width, height), QString());
        QImage image;
        QVERIFY(image.load(path, "PNG"));
        QCOMPARE(image.size(), QSize(width, height));
    }

    void chartPdfAndSvgOpen()
    {
        const QString pdf = mDir.filePath(QStringLiteral("pareto.pdf"));
        const QString svg = mDir.filePath(QStringLiteral("pareto.svg"));
        QCOMPARE(Exporter::chart(mWindow->compareTab()->pareto()->plot(), pdf, 900, 600), QString());
        QCOMPARE(Exporter::chart(mWindow->compareTab()->pareto()->plot(), svg, 900, 600), QString());
        QCOMPARE(head(pdf, 5), QByteArray("%PDF-"));
        QVERIFY(head(svg, 400).contains("<svg"));
        QVERIFY(Exporter::chart(mWindow->timeline()->plot(), mDir.filePath(QStringLiteral("x.bmpx")), 10, 10)
                    .contains(QStringLiteral("Unknown chart format")));
    }

    void totalsCsvHasUnitsInHeaderAndOneRowPerPolicy()
    {
        const QString path = mDir.filePath(QStringLiteral("totals.csv"));
        QCOMPARE(Exporter::totalsCsv(*mWindow->document(), path), QString());
        const QStringList rows = tableLines(path);
        // Table 1 pool: 7 single models + heuristic (text), heuristic (printed), heuristic (daily) = 10 policies.
        QCOMPARE(rows.size(), 1 + 10);
        QVERIFY(rows[0].startsWith(QStringLiteral("policy,spec,co2_g,energy_kwh,error_pct,requests,intervals,baseline,"
                                                  "extra_co2_g,rel_gain_pct,efficiency_pct_per_g,share_ResNet34_fraction")));
        // ResNet50's row: 420.62 mJ x 1.4e6 / 3.6e9 = 0.16357444... g over 6000 requests.
        bool found = false;
        for (const QString &row : rows) {
            const QStringList f = row.split(QLatin1Char(','));
            if (f.value(1) != QStringLiteral("model:ResNet50"))
                continue;
            found = true;
            QVERIFY(qAbs(f[2].toDouble() - 420.62 * 1.4e6 / 3.6e9) < 1e-12);
            QCOMPARE(f[5].toDouble(), 6000.0);
            QCOMPARE(f[6], QStringLiteral("3"));
        }
        QVERIFY(found);
    }

    void intervalCsvHasCoreColumnsAndOneRowPerPolicyInterval()
    {
        const QString path = mDir.filePath(QStringLiteral("intervals.csv"));
        QCOMPARE(Exporter::intervalsCsv(*mWindow->document(), path), QString());
        const QStringList rows = tableLines(path);
        QCOMPARE(rows.front(), QStringLiteral("policy_spec,time_utc,intensity_gco2_per_kwh,requests,model,energy_kwh,"
                                              "co2_g,cumulative_co2_g,error_pct"));
        QCOMPARE(rows.size(), 1 + 10 * 3); // 10 policies x 3 intervals
    }

    void bothCsvsStartWithWhatTheyHold_data()
    {
        QTest::addColumn<bool>("intervals");
        QTest::newRow("totals.csv") << false;
        QTest::newRow("intervals.csv") << true;
    }
    void bothCsvsStartWithWhatTheyHold()
    {
        QFETCH(bool, intervals);
        const QString path = mDir.filePath(QStringLiteral("context.csv"));
        QCOMPARE(intervals ? Exporter::intervalsCsv(*mWindow->document(), path)
                           : Exporter::totalsCsv(*mWindow->document(), path),
                 QString());
        const QStringList all = lines(path);
        QVERIFY(all.value(0).startsWith(QStringLiteral("# scenario: tiny")));
        const QStringList comments = commentLines(path);
        // The tiny scenario: 2023-06-01 00:00, 01:00, 02:00 hourly, so it ends at 03:00.
        QVERIFY(comments.contains(
            QStringLiteral("# period: 2023-06-01T00:00:00Z to 2023-06-01T03:00:00Z (whole scenario, 3 intervals)")));
        QVERIFY(comments.contains(QStringLiteral("# pool: 7 models (paper)")));
        QVERIFY(comments.contains(QStringLiteral("# model: ResNet50, energy 420.62 mJ per inference, top-5 error 7.138 %")));
        QVERIFY(comments.contains(QStringLiteral("# model: ResNet152, energy 1238.15 mJ per inference, top-5 error 5.954 %")));
        QVERIFY(comments.contains(QStringLiteral("# baseline: model:ResNet50")));
        QVERIFY(std::any_of(comments.begin(), comments.end(), [](const QString &l) {
            return l.startsWith(QStringLiteral("# policies: ")) && l.contains(QStringLiteral("heuristic:printed")) &&
                   l.contains(QStringLiteral("model:AlexNet"));
        }));
        QVERIFY(comments.contains(QStringLiteral("# made by CarbonScope unknown"))); // no version set in tests
        // The comments come first: after the first table line there is none.
        QCOMPARE(all.indexOf(tableLines(path).value(0)), comments.size());
    }

    // With a period selected, totals.csv and intervals.csv hold the same period and say so: the intervals from
    // 01:00 to 03:00 (2000 requests at 200, 3000 at 300 gCO2/kWh), so ResNet50 emits 420.62 x 1.3e6 / 3.6e9 g,
    // the totals' co2_g and the intervals' last cumulative_co2_g alike.
    void bothCsvsHoldTheSelectedPeriod()
    {
        const UtcSeconds from = mWindow->document()->scenario().times[1];
        mWindow->document()->setTotalsRange(from, from + 2 * 3600);
        const QString totals = mDir.filePath(QStringLiteral("t.csv")), intervals = mDir.filePath(QStringLiteral("i.csv"));
        QCOMPARE(Exporter::totalsCsv(*mWindow->document(), totals), QString());
        QCOMPARE(Exporter::intervalsCsv(*mWindow->document(), intervals), QString());
        const QString period =
            QStringLiteral("# period: 2023-06-01T01:00:00Z to 2023-06-01T03:00:00Z (selected period, 2 intervals)");
        QVERIFY(commentLines(totals).contains(period));
        QVERIFY(commentLines(intervals).contains(period));
        const double resnet50 = 420.62 * (2000 * 200 + 3000 * 300) / 3.6e9;
        const QStringList t = tableLines(totals), i = tableLines(intervals);
        QCOMPARE(field(t, QStringLiteral("spec"), QStringLiteral("model:ResNet50"), QStringLiteral("intervals")),
                 QStringLiteral("2"));
        QVERIFY(qAbs(field(t, QStringLiteral("spec"), QStringLiteral("model:ResNet50"), QStringLiteral("co2_g")).toDouble() -
                     resnet50) < 1e-12);
        QCOMPARE(i.size(), 1 + 10 * 2);
        QCOMPARE(i.value(1).split(QLatin1Char(',')).value(1), QStringLiteral("2023-06-01T01:00:00Z"));
        QVERIFY(qAbs(field(i, QStringLiteral("policy_spec"), QStringLiteral("model:ResNet50"),
                           QStringLiteral("cumulative_co2_g"))
                         .toDouble() -
                     resnet50) < 1e-12);
    }

    // The efficiency is written only where it is defined (extra CO2 > 0); elsewhere the note says why.
    // AlexNet (125 mJ, 20.934 %) against ResNet50 (420.62 mJ, 7.138 %): less CO2 and worse.
    // ResNet152 (1238.15 mJ, 5.954 %): (7.138 - 5.954) / 7.138 x 100 % per (1238.15 - 420.62) x 1.4e6 / 3.6e9 g.
    void totalsCsvEfficiencyOnlyWhereDefined()
    {
        const QString path = mDir.filePath(QStringLiteral("eff.csv"));
        QCOMPARE(Exporter::totalsCsv(*mWindow->document(), path), QString());
        const QStringList t = tableLines(path);
        const QString spec = QStringLiteral("spec"), eff = QStringLiteral("efficiency_pct_per_g"),
                      note = QStringLiteral("efficiency_note");
        QCOMPARE(field(t, spec, QStringLiteral("model:AlexNet"), eff), QString());
        QCOMPARE(field(t, spec, QStringLiteral("model:AlexNet"), note), QStringLiteral("cheaper and worse"));
        QCOMPARE(field(t, spec, QStringLiteral("model:ResNet50"), note), QStringLiteral("same as baseline"));
        const double expected = (7.138 - 5.954) / 7.138 * 100 / ((1238.15 - 420.62) * 1.4e6 / 3.6e9);
        QVERIFY(qAbs(field(t, spec, QStringLiteral("model:ResNet152"), eff).toDouble() / expected - 1) < 1e-9);
        QCOMPARE(field(t, spec, QStringLiteral("model:ResNet152"), note), QString());
    }

    void reportPdfStartsWithPdfMagic()
    {
        const QString path = mDir.filePath(QStringLiteral("report.pdf"));
        QCOMPARE(Exporter::reportPdf(*mWindow->document(), mWindow->timeline()->plot(),
                                     mWindow->compareTab()->pareto()->plot(), path),
                 QString());
        QCOMPARE(head(path, 5), QByteArray("%PDF-"));
        QVERIFY(QFile(path).size() > 10000); // it holds the two charts
    }
};

QTEST_MAIN(TestExport)
#include "test_export.moc"
