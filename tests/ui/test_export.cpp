// Export writes files that open: a PNG decodes to the size asked for, the CSVs have the expected header and row
// count, the PDFs start with %PDF, the SVG is an SVG document.
#include "uitestfixture.h"

#include "comparetab.h"
#include "exporter.h"
#include "paretoplot.h"
#include "timelineview.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace cs;

class TestExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> mWindow;
    QTemporaryDir mDir;

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
    static QByteArray head(const QString &path, int n)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.read(n) : QByteArray();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(mDir.isValid());
        mWindow = std::make_unique<MainWindow>();
        test::loadTinyScenario(mWindow->document());
        mWindow->compareTab()->pareto()->ensureCurrent(); // a hidden tab redraws when shown or exported
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    }
    void cleanup() { mWindow.reset(); }

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
        const QStringList rows = lines(path);
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
        const QStringList rows = lines(path);
        QCOMPARE(rows.front(), QStringLiteral("policy_spec,time_utc,intensity_gco2_per_kwh,requests,model,energy_kwh,"
                                              "co2_g,cumulative_co2_g,error_pct"));
        QCOMPARE(rows.size(), 1 + 10 * 3); // 10 policies x 3 intervals
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
