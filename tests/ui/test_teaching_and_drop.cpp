// Teaching mode and drag and drop, as a teacher and an analyst use them: the replay's large readout shows the
// interval's time, intensity, the chosen model and the CO2 so far (values worked out by hand on the tiny scenario),
// Play walks to the last interval and stops there; dropping a project file opens it, dropping a CSV opens the
// import dialog on that file and its import replaces the carbon trace.
#include "cleanergridimport.h"
#include "uitestfixture.h"

#include "projectsession.h"
#include "teachingpanel.h"
#include "unitformat.h"

#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace cs;

namespace {

QStringList labelTexts(const QWidget *panel)
{
    QStringList texts;
    for (const QLabel *label : panel->findChildren<QLabel *>())
        texts << label->text();
    return texts;
}

// Sends what a desktop sends when a file is dragged onto the window and let go.
bool dropFile(QWidget *window, const QString &path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPointF at(window->width() / 2.0, window->height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &drop);
    return drop.isAccepted();
}

// ResNet50 of the paper's Table 1: 420.62 mJ per inference.
constexpr double resnet50Joules = 0.42062;

} // namespace

class TestTeachingAndDrop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void readoutShowsTheIntervalByHand()
    {
        MainWindow window;
        test::loadTinyScenario(window.document());
        window.resize(1200, 800);
        window.show();
        window.setTeachingMode(true);
        TeachingPanel *panel = window.teachingPanel();
        QVERIFY(panel->isVisible());

        auto *policy = panel->findChild<QComboBox *>();
        QVERIFY(policy);
        const int resnet50 = policy->findData(QStringLiteral("model:ResNet50"));
        QVERIFY(resnet50 >= 0);
        policy->setCurrentIndex(resnet50);
        QCOMPARE(window.document()->pool().at(window.document()->pool().indexOf("ResNet50")).energyMj, 420.62);

        panel->setPosition(1);
        QCOMPARE(panel->position(), 1);
        const QStringList texts = labelTexts(panel);
        // Interval 1 of tiny_carbon.csv: 2023-06-01 01:00 UTC, 200 g/kWh.
        QVERIFY2(texts.contains(QStringLiteral("1 Jun 01:00")), qPrintable(texts.join(" | ")));
        QVERIFY2(texts.contains(QStringLiteral("200 g/kWh")), qPrintable(texts.join(" | ")));
        QVERIFY2(texts.contains(QStringLiteral("ResNet50")), qPrintable(texts.join(" | ")));
        // CO2 to the end of interval 1: 0.42062 J / 3.6e6 J/kWh x (1000 x 100 + 2000 x 200) g/kWh = 0.0584194 g.
        const double co2 = resnet50Joules / 3.6e6 * (1000.0 * 100 + 2000.0 * 200);
        QVERIFY2(texts.contains(formatMass(co2)), qPrintable(texts.join(" | ") + " vs " + formatMass(co2)));

        // A position past the end is the last interval: 02:00, 300 g/kWh, and all three intervals' CO2.
        panel->setPosition(99);
        QCOMPARE(panel->position(), 2);
        const QStringList last = labelTexts(panel);
        QVERIFY(last.contains(QStringLiteral("1 Jun 02:00")));
        QVERIFY(last.contains(QStringLiteral("300 g/kWh")));
        QVERIFY(last.contains(formatMass(resnet50Joules / 3.6e6 * test::TinyRequestIntensity)));
    }

    void playWalksToTheEndAndStops()
    {
        MainWindow window;
        test::showTinyScenario(window);
        window.setTeachingMode(true);
        TeachingPanel *panel = window.teachingPanel();
        panel->setPosition(2);
        panel->play(); // at the end, Play starts again from the first interval
        QCOMPARE(panel->position(), 0);
        QVERIFY(panel->isPlaying());
        QTRY_COMPARE_WITH_TIMEOUT(panel->position(), 2, 60000); // a bound, generous on a loaded machine
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isPlaying(), 60000);
        QCOMPARE(panel->position(), 2);

        window.setTeachingMode(false);
        QVERIFY(!panel->isVisible());
    }

    void droppingAProjectOpensIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dropped project.csdb"));
        QVERIFY(test::writeTinyProject(path));
        MainWindow window;
        window.show();
        QVERIFY(window.project()->path().isEmpty());
        QVERIFY(dropFile(&window, path));
        QCOMPARE(window.project()->path(), path);
        const Scenario &s = window.document()->scenario();
        QCOMPARE(s.intensity, (std::vector<double>{100, 200, 300}));
        QCOMPARE(s.requests, (std::vector<double>{1000, 2000, 3000}));
    }

    void droppingACsvImportsIt()
    {
        test::CleanerGridImport import;
        QVERIFY(!import.path.isEmpty());
        MainWindow &window = import.window;
        // The drop opens the import dialog (modal) on that file; the user presses Import.
        QVERIFY(dropFile(&window, import.path));
        QVERIFY2(import.answers.answeredAsExpected(), qPrintable(import.answers.failure()));
        QCOMPARE(import.dialogPath, import.path);

        // The new carbon trace keeps the request trace: 1000, 2000, 3000 requests at 50, 60, 70 g/kWh.
        const Scenario &s = window.document()->scenario();
        QCOMPARE(s.intensity, (std::vector<double>{50, 60, 70}));
        QCOMPARE(s.requests, (std::vector<double>{1000, 2000, 3000}));
        const PolicyRun *resnet50 = test::runOf(*window.document(), "model:ResNet50");
        QVERIFY(resnet50);
        // 0.42062 J / 3.6e6 x (1000 x 50 + 2000 x 60 + 3000 x 70) = 0.42062 x 380000 / 3.6e6 g.
        QVERIFY(qAbs(resnet50->result.totals.co2G - resnet50Joules * 380000.0 / 3.6e6) < 1e-12);
    }

    void droppingSomethingElseIsIgnored()
    {
        MainWindow window;
        test::showTinyScenario(window);
        QMimeData mime;
        mime.setText(QStringLiteral("not a file"));
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(!enter.isAccepted());
        QCOMPARE(window.document()->scenario().intensity, (std::vector<double>{100, 200, 300}));
    }
};

QTEST_MAIN(TestTeachingAndDrop)
#include "test_teaching_and_drop.moc"
