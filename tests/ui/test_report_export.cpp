// Report-grade export: a chart's size is asked in mm or pt with a PNG resolution, it carries a title and caption,
// and the view's overlays (the crosshair) are hidden while it is drawn; the one-page PDF report holds Figures 1-3
// and the pool table, its text real text in embedded fonts ("CO₂" and "—" extract as themselves, read back with
// poppler's pdftotext) and at least 8 pt on paper.
#include "tinyexportsuite.h"

#include "comparetab.h"
#include "dailyco2plot.h"
#include "exporter.h"
#include "paretoplot.h"
#include "qcp.h"
#include "timelineview.h"

#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace cs;

namespace {

// The output of a poppler tool on `pdf`, or a null string where the tool is not installed.
QString poppler(const char *tool, const QStringList &args)
{
    const QString exe = QStandardPaths::findExecutable(QLatin1String(tool));
    if (exe.isEmpty())
        return {};
    QProcess p;
    p.start(exe, args);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

int countColour(const QImage &image, QRgb colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixel(x, y) == colour;
    return n;
}

} // namespace

class TestReportExport : public test::TinyExportSuite
{
    Q_OBJECT

    QString report()
    {
        const QString path = mDir.filePath(QStringLiteral("report.pdf"));
        DailyCo2Plot *daily = mWindow->findChild<DailyCo2Plot *>();
        if (!daily)
            return {};
        daily->ensureCurrent();
        ReportFigures figures{mWindow->timeline()->plot(), mWindow->compareTab()->pareto()->plot(), daily->plot(), {}};
        return Exporter::reportPdf(*mWindow->document(), figures, path).isEmpty() ? path : QString();
    }

private Q_SLOTS:
    // 100 x 50 mm at 300 dpi: 100 / 25.4 x 300 = 1181.1 -> 1181 and 590.6 -> 591 pixels; the PNG says 300 dpi
    // (11811 dots per metre).
    void pngSizeFromMillimetresAndDpi()
    {
        ChartExportOptions o;
        o.sizePt = QSizeF(100 * pointsPerMm, 50 * pointsPerMm);
        o.dpi = 300;
        const QString path = mDir.filePath(QStringLiteral("c.png"));
        QCOMPARE(Exporter::chart(mWindow->timeline()->plot(), path, o), QString());
        QImage image;
        QVERIFY(image.load(path, "PNG"));
        QCOMPARE(image.size(), QSize(1181, 591));
        QCOMPARE(image.dotsPerMeterX(), 11811);
    }

    // A PDF chart is a page of the size asked: 160 x 100 mm = 453.54 x 283.46 pt, with its title and caption as text.
    void pdfChartPageSizeTitleAndCaption()
    {
        ChartExportOptions o;
        o.sizePt = QSizeF(160 * pointsPerMm, 100 * pointsPerMm);
        o.title = QStringLiteral("Pareto — CO₂ against error");
        o.caption = QStringLiteral("Figure 2. Tiny scenario, three hours.");
        const QString path = mDir.filePath(QStringLiteral("c.pdf"));
        QCOMPARE(Exporter::chart(mWindow->compareTab()->pareto()->plot(), path, o), QString());
        const QString info = poppler("pdfinfo", {path});
        if (info.isNull())
            QSKIP("poppler-utils (pdfinfo, pdftotext) not installed: scripts/install-deps.sh test");
        const QRegularExpressionMatch size =
            QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts")).match(info);
        QVERIFY2(size.hasMatch(), qPrintable(info));
        QVERIFY(qAbs(size.captured(1).toDouble() - 453.54) < 0.5);
        QVERIFY(qAbs(size.captured(2).toDouble() - 283.46) < 0.5);
        const QString text = poppler("pdftotext", {path, QStringLiteral("-")});
        QVERIFY2(text.contains(o.title), qPrintable(text));
        QVERIFY2(text.contains(o.caption), qPrintable(text));
    }

    // An overlay the view shows (here a red line standing for the crosshair) is hidden while the chart is drawn
    // and shown again afterwards.
    void overlaysHiddenWhileDrawing()
    {
        QCustomPlot *plot = mWindow->compareTab()->pareto()->plot();
        auto *line = new QCPItemStraightLine(plot);
        line->setPen(QPen(QColor(255, 0, 0), 6));
        line->point1->setType(QCPItemPosition::ptAxisRectRatio);
        line->point2->setType(QCPItemPosition::ptAxisRectRatio);
        line->point1->setCoords(0.5, 0);
        line->point2->setCoords(0.5, 1);
        ChartExportOptions o;
        o.sizePt = QSizeF(400, 300);
        o.dpi = 72;
        const QString shown = mDir.filePath(QStringLiteral("shown.png")), hidden = mDir.filePath(QStringLiteral("hidden.png"));
        QCOMPARE(Exporter::chart(plot, shown, o), QString());
        QList<bool> calls;
        o.setOverlaysVisible = [&](bool visible) {
            calls << visible;
            line->setVisible(visible);
        };
        QCOMPARE(Exporter::chart(plot, hidden, o), QString());
        QCOMPARE(calls, (QList<bool>{false, true}));
        QVERIFY(line->visible());
        QVERIFY(countColour(QImage(shown), qRgb(255, 0, 0)) > 100); // the probe: the line does show when not hidden
        QCOMPARE(countColour(QImage(hidden), qRgb(255, 0, 0)), 0);
    }

    // The timeline's own crosshair, through the hook File > Export chart passes: the chart drawn with the cursor
    // shown is the same picture as with no cursor, and the cursor is back afterwards.
    void timelineCrosshairLeftOut()
    {
        TimelineView *timeline = mWindow->timeline();
        ChartExportOptions o;
        o.sizePt = QSizeF(500, 400);
        o.dpi = 72;
        o.setOverlaysVisible = [timeline](bool visible) { timeline->setOverlaysVisible(visible); };
        const QString without = mDir.filePath(QStringLiteral("without.png")), with = mDir.filePath(QStringLiteral("with.png"));
        // A first drawing at this size: the model axis picks which labels fit from the last layout it had.
        QCOMPARE(Exporter::chart(timeline->plot(), without, o), QString());
        const auto &times = mWindow->document()->scenario().times;
        timeline->setCursorTime(static_cast<double>(times[1]) + 1800);
        QCOMPARE(Exporter::chart(timeline->plot(), with, o), QString());
        QVERIFY(timeline->overlaysVisible());
        timeline->clearCursor();
        QCOMPARE(Exporter::chart(timeline->plot(), without, o), QString());
        const QImage a(with), b(without);
        int differ = 0;
        for (int y = 0; y < a.height(); ++y)
            for (int x = 0; x < a.width(); ++x)
                differ += a.pixel(x, y) != b.pixel(x, y);
        QCOMPARE(differ, 0);
        timeline->setCursorTime(static_cast<double>(times[1]) + 1800);
        // The probe: without the hook the crosshair is in the picture.
        o.setOverlaysVisible = {};
        QCOMPARE(Exporter::chart(timeline->plot(), with, o), QString());
        QVERIFY(QImage(with) != QImage(without));
    }

    void reportHoldsFigure3AndThePoolTable()
    {
        const QString path = report();
        QVERIFY(!path.isEmpty());
        const QString text = poppler("pdftotext", {QStringLiteral("-layout"), path, QStringLiteral("-")});
        if (text.isNull())
            QSKIP("poppler-utils (pdftotext) not installed: scripts/install-deps.sh test");
        QVERIFY2(text.contains(QStringLiteral("Figure 1.")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Figure 2.")));
        QVERIFY(text.contains(QStringLiteral("Figure 3. Daily CO₂")));
        // The pool table: Table 1's figures as typed in core (ResNet152 1238.15 mJ, 5.954 %).
        QVERIFY(text.contains(QStringLiteral("Energy (mJ)")));
        QVERIFY(QRegularExpression(QStringLiteral("ResNet152\\s+1238\\.15\\s+5\\.954")).match(text).hasMatch());
        // "₂" and "—" extract as themselves (the totals header and the period's dash).
        QVERIFY(text.contains(QStringLiteral("CO₂ (g)")));
        QVERIFY(text.contains(QStringLiteral("—")));
        QVERIFY(text.contains(QStringLiteral("cheaper and worse"))); // AlexNet's efficiency cell
    }

    void reportFontsEmbeddedAndTextAtLeast8pt()
    {
        const QString path = report();
        QVERIFY(!path.isEmpty());
        const QString fonts = poppler("pdffonts", {path});
        if (fonts.isNull())
            QSKIP("poppler-utils (pdffonts) not installed: scripts/install-deps.sh test");
        // pdffonts: a header of two lines, then one line per font whose "emb" column is yes or no.
        const QStringList rows = fonts.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
        QVERIFY(!rows.isEmpty());
        for (const QString &row : rows)
            QVERIFY2(row.contains(QRegularExpression(QStringLiteral("\\byes\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$"))),
                     qPrintable(fonts));
        // Every word's box: a font of s pt has a box about 1.16 s high (DejaVu's ascent + descent), so 8 pt text
        // is at least 8 pt high; the 4-5 pt text of before was 5-6 pt.
        const QString boxes = poppler("pdftotext", {QStringLiteral("-bbox"), path, QStringLiteral("-")});
        const QRegularExpression word(QStringLiteral("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
                                                     "yMax=\"([0-9.]+)\">([^<]*)</word>"));
        int words = 0;
        double smallest = 1e9;
        QString smallestWord;
        for (auto it = word.globalMatch(boxes); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const double h = m.captured(4).toDouble() - m.captured(2).toDouble();
            ++words;
            if (h < smallest) {
                smallest = h;
                smallestWord = m.captured(5);
            }
        }
        QVERIFY(words > 100);
        QVERIFY2(smallest >= 8.0, qPrintable(QStringLiteral("\"%1\" is %2 pt high").arg(smallestWord).arg(smallest)));
    }
};

QTEST_MAIN(TestReportExport)
#include "test_report_export.moc"
