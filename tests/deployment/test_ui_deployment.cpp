// Edit ▸ Deployment… (issue #16): the document re-prices every policy with the deployment's parts, the totals
// table says what a total is made of, the dialog gives back what was typed. On the tiny scenario
// (uitestfixture.h): ResNet50 alone emits 420.62 x 1.4e6 / 3.6e9 g over its three hours.
#include "../ui/uitestfixture.h"
#include "deploymentdialog.h"
#include "parse_error.h"
#include "policytotalsmodel.h"

#include <QCheckBox>
#include <QSpinBox>
#include <QtTest>

using namespace cs;

namespace {

// test::runOf, where a missing run stops the suite (every run here is of the tiny scenario's default set).
const PolicyRun &runOf(const ScenarioDocument &d, const std::string &spec)
{
    const PolicyRun *run = test::runOf(d, spec);
    if (!run)
        qFatal("no run of %s", spec.c_str());
    return *run;
}

} // namespace

class TestUiDeployment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::useTestEnvironment(); }

    void documentPricesTheParts()
    {
        ScenarioDocument doc;
        test::loadTinyScenario(&doc);
        const double paper = test::tinyCo2(420.62);
        QVERIFY(qFuzzyCompare(runOf(doc, "model:ResNet50").result.totals.co2G, paper));

        // PUE 1.5: half the IT energy again, at the same intensities.
        doc.setAccounting(Deployment{1, 0, 1.5, 0}, false);
        QVERIFY(qFuzzyCompare(runOf(doc, "model:ResNet50").result.totals.co2G, 1.5 * paper));
        QVERIFY(qFuzzyCompare(runOf(doc, "model:ResNet50").result.totals.parts.overheadG, 0.5 * paper));

        // Two GPUs at 10 g per GPU-hour for three hours: 60 g whatever the model.
        doc.setAccounting(Deployment{2, 0, 1, 10}, false);
        QVERIFY(qFuzzyCompare(runOf(doc, "model:ResNet50").result.totals.co2G, paper + 60));
        QVERIFY(qFuzzyCompare(runOf(doc, "model:ResNet152").result.totals.co2G, test::tinyCo2(1238.15) + 60));

        // The totals table's CO2 tooltip names the parts.
        PolicyTotalsModel model(&doc);
        const int row = test::runIndex(doc, "model:ResNet50");
        QVERIFY(row >= 0);
        const QString tip = model.data(model.index(row, PolicyTotalsModel::Co2), Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains("embodied 60.00 g") && tip.contains("per inference"), qPrintable(tip));

        // Back to the paper's account.
        doc.setAccounting(Deployment{}, false);
        QVERIFY(qFuzzyCompare(runOf(doc, "model:ResNet50").result.totals.co2G, paper));
        QVERIFY_THROWS_EXCEPTION(InputError, doc.setAccounting(Deployment{0, 0, 1, 0}, false));
    }

    void dialogGivesBackWhatWasTyped()
    {
        DeploymentDialog dialog(Deployment{3, 100, 1.2, 5}, true, false);
        const Deployment d = dialog.deployment();
        QCOMPARE(d.gpus, 3);
        QCOMPARE(d.hostWatts, 100.0);
        QCOMPARE(d.pue, 1.2);
        QCOMPARE(d.embodiedGPerGpuHour, 5.0);
        QVERIFY(!dialog.decideOnForecast()); // no forecast column: the choice is off and disabled
        auto *forecast = dialog.findChild<QCheckBox *>(QStringLiteral("decideOnForecast"));
        QVERIFY(forecast && !forecast->isEnabled());
        dialog.findChild<QSpinBox *>(QStringLiteral("gpus"))->setValue(8);
        QCOMPARE(dialog.deployment().gpus, 8);
    }
};

QTEST_MAIN(TestUiDeployment)
#include "test_ui_deployment.moc"
