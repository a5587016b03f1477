// Honest efficiency: the ratio of relative quality gain to extra CO2 is shown only where the policy emits more
// than the baseline; otherwise the cell says what the policy is. CO2 columns keep one unit (g, kg, t) in plain
// decimals, and money is shown in the chosen currency. Every expected value is worked out by hand in the comments.
#include "uitestfixture.h"

#include "currency.h"
#include "efficiencycell.h"
#include "policytotalsmodel.h"
#include "poolmodel.h"
#include "unitformat.h"

#include <QSettings>
#include <QtTest>

#include <cmath>

using namespace cs;

class TestEfficiencyCell : public QObject
{
    Q_OBJECT

private:
    // The display text of `column` in the row of `spec`.
    static QString cell(const ScenarioDocument &d, const std::string &spec, int column)
    {
        const int r = test::runIndex(d, spec);
        return r >= 0 ? PolicyTotalsModel::displayText(d, r, column)
                      : QStringLiteral("(no row %1)").arg(QString::fromStdString(spec));
    }

private Q_SLOTS:
    void initTestCase() { test::useTestEnvironment(); }

    void verdicts_data()
    {
        QTest::addColumn<double>("extra");
        QTest::addColumn<double>("gain");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        // Baseline 10 g; "the same" is within a billionth of it (1e-8 g).
        QTest::newRow("dearer and better: 4 % / 2 g") << 2.0 << 4.0 << int(EfficiencyVerdict::Defined) << "2.000";
        QTest::newRow("dearer and worse: -3 % / 2 g") << 2.0 << -3.0 << int(EfficiencyVerdict::Defined) << "-1.500";
        QTest::newRow("cheaper and better") << -1.0 << 2.0 << int(EfficiencyVerdict::Dominates) << "dominates";
        QTest::newRow("cheaper, same quality") << -1.0 << 0.0 << int(EfficiencyVerdict::Dominates) << "dominates";
        QTest::newRow("same CO2, better") << 0.0 << 1.0 << int(EfficiencyVerdict::Dominates) << "dominates";
        QTest::newRow("cheaper and worse") << -1.0 << -2.0 << int(EfficiencyVerdict::CheaperAndWorse)
                                           << "cheaper and worse";
        QTest::newRow("same CO2, worse") << 0.0 << -1.0 << int(EfficiencyVerdict::SameCo2Worse) << "same CO₂, worse";
        QTest::newRow("same as baseline") << 0.0 << 0.0 << int(EfficiencyVerdict::SameAsBaseline)
                                          << "same as baseline";
        QTest::newRow("rounding: 1e-12 g more is the same") << 1e-12 << 0.0
                                                            << int(EfficiencyVerdict::SameAsBaseline)
                                                            << "same as baseline";
        QTest::newRow("baseline error 0") << 1.0 << double(NAN) << int(EfficiencyVerdict::NoGain)
                                          << "no gain defined";
    }
    void verdicts()
    {
        QFETCH(double, extra);
        QFETCH(double, gain);
        QFETCH(int, kind);
        QFETCH(QString, text);
        const EfficiencyVerdict v = efficiencyVerdict(extra, gain, 10);
        QCOMPARE(int(v.kind), kind);
        QCOMPARE(v.text(), text);
        QCOMPARE(std::isnan(v.percentPerGram), kind != EfficiencyVerdict::Defined);
        QVERIFY(!v.explanation().isEmpty());
    }

    // Per kg: 4 % over 2 g is 2 %/g, so 2000 %/kg.
    void ratioFollowsTheColumnUnit() { QCOMPARE(efficiencyVerdict(2, 4, 10).text(1000), QStringLiteral("2000")); }

    void plainNumbersNeverScientific_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("0.0001567: 4 significant, at most 6 decimals") << 0.0001567 << "0.000157";
        QTest::newRow("130727.74: no decimals") << 130727.74 << "130728";
        QTest::newRow("52.1727") << 52.1727 << "52.17";
        QTest::newRow("-2293.62") << -2293.62 << "-2294";
        QTest::newRow("-1e-9 is 0, not -0") << -1e-9 << "0.000000";
        QTest::newRow("0") << 0.0 << "0.000";
    }
    void plainNumbersNeverScientific()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(plainNumber(value), text);
    }

    void massesScaleToGKgT()
    {
        QCOMPARE(formatMass(512), QStringLiteral("512.0 g"));
        QCOMPARE(formatMass(1234), QStringLiteral("1.234 kg"));
        QCOMPARE(formatMass(3.4e6), QStringLiteral("3.400 t"));
        QCOMPARE(formatMass(2.5e12), QStringLiteral("2500000 t")); // was "2.5e+06 t"
    }

    // The tiny scenario (uitestfixture.h): a model of E mJ emits E x 1.4e6 / 3.6e9 g. Against ResNet50
    // (420.62 mJ, 7.138 %): AlexNet (125 mJ, 20.934 %) is cheaper and worse; ResNet152 (1238.15 mJ, 5.954 %)
    // gains (7.138 - 5.954) / 7.138 x 100 = 16.587 % for (1238.15 - 420.62) x 1.4e6 / 3.6e9 = 0.31793 g,
    // 52.17 %/g; ResNet50 itself is the same as the baseline. All CO2 is below 1 kg, so the columns are in g.
    void tableCellsAgainstResNet50()
    {
        ScenarioDocument d;
        test::loadTinyScenario(&d);
        d.setBaseline("model:ResNet50");
        QCOMPARE(cell(d, "model:AlexNet", PolicyTotalsModel::Efficiency), QStringLiteral("cheaper and worse"));
        QCOMPARE(cell(d, "model:ResNet50", PolicyTotalsModel::Efficiency), QStringLiteral("same as baseline"));
        const double extra = (1238.15 - 420.62) * 1.4e6 / 3.6e9, gain = (7.138 - 5.954) / 7.138 * 100;
        QCOMPARE(cell(d, "model:ResNet152", PolicyTotalsModel::Efficiency), QString::number(gain / extra, 'f', 2));
        QCOMPARE(cell(d, "model:ResNet152", PolicyTotalsModel::ExtraCo2), QString::number(extra, 'f', 4));
        QCOMPARE(PolicyTotalsModel::headerText(d, PolicyTotalsModel::Co2), QStringLiteral("CO₂ (g)"));
        QCOMPARE(PolicyTotalsModel::headerText(d, PolicyTotalsModel::Efficiency), QStringLiteral("Efficiency (%/g)"));
    }

    // Against VGG16 (668.97 mJ, 9.618 %), ResNet50 (420.62 mJ, 7.138 %) emits less and errs less: it dominates.
    void tableCellDominates()
    {
        ScenarioDocument d;
        test::loadTinyScenario(&d);
        d.setBaseline("model:VGG16");
        QCOMPARE(cell(d, "model:ResNet50", PolicyTotalsModel::Efficiency), QStringLiteral("dominates"));
        PolicyTotalsModel model(&d);
        const int row = test::runIndex(d, "model:ResNet50");
        QVERIFY(model.data(model.index(row, PolicyTotalsModel::Efficiency), Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("No more CO₂ than the baseline")));
    }

    // The column unit follows the largest value: ResNet152's 1238.15 x 1.4e6 / 3.6e9 = 0.4815 g is under 1 kg;
    // 3000 times its energy makes it 1444.51 g = 1.445 kg, and the whole column turns to kg.
    void columnUnitFollowsTheLargestValue()
    {
        ScenarioDocument d;
        test::loadTinyScenario(&d);
        PoolModel *pool = d.poolModel();
        const int row = d.pool().indexOf("ResNet152");
        QVERIFY(pool->setData(pool->index(row, PoolModel::Energy), 1238.15 * 3000, Qt::EditRole));
        QCOMPARE(d.pool().at(row).energyMj, 1238.15 * 3000);
        QCOMPARE(PolicyTotalsModel::headerText(d, PolicyTotalsModel::Co2), QStringLiteral("CO₂ (kg)"));
        QCOMPARE(cell(d, "model:ResNet152", PolicyTotalsModel::Co2), QStringLiteral("1.445"));
        // ResNet50 in the same column and unit: 0.16357 g = 0.000164 kg.
        QCOMPARE(cell(d, "model:ResNet50", PolicyTotalsModel::Co2), QStringLiteral("0.000164"));
    }

    void currencyIsSavedAndShown()
    {
        CurrencySetting &c = CurrencySetting::instance();
        QSignalSpy spy(&c, &CurrencySetting::changed);
        c.setCode(QStringLiteral("usd"));
        QCOMPARE(c.code(), QStringLiteral("USD"));
        QCOMPARE(QSettings().value(QStringLiteral("display/currency")).toString(), QStringLiteral("USD"));
        QCOMPARE(c.format(12.5), QStringLiteral("12.50") + QChar(0x2009) + QStringLiteral("USD"));
        c.setCode(QStringLiteral("EURO")); // not an ISO 4217 code: refused, nothing changes
        QCOMPARE(c.code(), QStringLiteral("USD"));
        c.setCode(QStringLiteral("GBP"));
        QCOMPARE(spy.count(), 2);
        QSettings().remove(QStringLiteral("display/currency"));
        QCOMPARE(c.code(), CurrencySetting::defaultCode());
        QCOMPARE(CurrencySetting::defaultCode().size(), 3);
    }
};

QTEST_MAIN(TestEfficiencyCell)
#include "test_efficiency_cell.moc"
