// The Eco tab's widget drives the eco library: edits re-compute at once, and the heat maps hold the sweep.
#include "eco/ecodesignerwidget.h"
#include "eco_fixture.h"
#include "qcp.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QtTest>

using namespace cs;

class TestEcoDesigner : public QObject
{
    Q_OBJECT

private slots:
    void editsRecompute()
    {
        // The two-hour example of test_eco_tier: S 1000 mJ, E 400 mJ; 3.6e6 requests at 100 g/kWh and 7.2e6 at
        // 300. A threshold of 200 degrades hour 2 only, where E saves 0.6 J x 7.2e6 / 3.6e6 x 300 = 360 g per
        // unit of eco share: 90 g at 25 %, 180 g at 50 %.
        EcoDesignerWidget w;
        w.setScenario(twoHours(), ecoPool());
        QCOMPARE(w.design().standardModel, std::string("S")); // least error
        QCOMPARE(w.design().ecoModel, std::string("E"));      // least energy
        auto spins = w.findChildren<QDoubleSpinBox *>();
        auto find = [&](const QString &suffix, double value) -> QDoubleSpinBox * {
            for (QDoubleSpinBox *b : spins)
                if (b->suffix() == suffix && b->value() == value)
                    return b;
            return nullptr;
        };
        QDoubleSpinBox *threshold = find(QStringLiteral(" gCO₂/kWh"), 250);
        QDoubleSpinBox *share = find(QStringLiteral(" %"), 20);
        QVERIFY(threshold && share);
        threshold->setValue(200);
        share->setValue(25);
        QVERIFY(qAbs(w.result().savedCo2G - 90) < 1e-9);
        QSignalSpy spy(&w, &EcoDesignerWidget::recomputed);
        share->setValue(50);
        QCOMPARE(spy.count(), 1);
        QVERIFY(qAbs(w.result().savedCo2G - 180) < 1e-9);

        // The CO2-saved map's last column (share 100 %) holds 360 g in every discount row; the first holds 0.
        auto *map = qobject_cast<QCPColorMap *>(w.savedPlot()->plottable(0));
        QVERIFY(map);
        QCOMPARE(map->data()->keySize(), 21);
        QVERIFY(qAbs(map->data()->cell(20, 7) - 360) < 1e-9);
        QCOMPARE(map->data()->cell(0, 7), 0.0);
    }

    void usersChooseTheirTier()
    {
        // The hand example of test_eco_tier's uptake cases: price 0.002 per request, a point of error worth up to
        // 0.0006, CO2 worth nothing: share = 0.002 d / (2/3 x 4 x 0.0006) = 1.25 d. At 40 % the users choose 50 %,
        // saving 0.5 x 360 = 180 g.
        EcoDesignerWidget w;
        w.setScenario(twoHours(), ecoPool());
        auto spins = w.findChildren<QDoubleSpinBox *>();
        auto bySuffix = [&](const QString &suffix) -> QDoubleSpinBox * {
            for (QDoubleSpinBox *b : spins)
                if (b->suffix() == suffix)
                    return b;
            return nullptr;
        };
        QDoubleSpinBox *threshold = bySuffix(QStringLiteral(" gCO₂/kWh"));
        QDoubleSpinBox *error = bySuffix(QStringLiteral(" per point"));
        QDoubleSpinBox *latency = bySuffix(QStringLiteral(" per ms"));
        QDoubleSpinBox *carbon = bySuffix(QStringLiteral(" per kg CO₂"));
        QDoubleSpinBox *price = nullptr, *share = nullptr, *discount = nullptr;
        for (QDoubleSpinBox *b : spins) {
            if (b->suffix().isEmpty() && b->decimals() == 6)
                price = b;
            if (b->suffix() == QStringLiteral(" %") && !share)
                share = b; // created first
            else if (b->suffix() == QStringLiteral(" %") && !discount)
                discount = b;
        }
        QVERIFY(threshold && error && latency && carbon && price && share && discount);
        QVERIFY(!error->isEnabled()); // until users choose
        threshold->setValue(200);
        price->setValue(0.002);
        w.findChild<QCheckBox *>()->setChecked(true);
        error->setValue(0.0006);
        latency->setValue(0);
        carbon->setValue(0);
        discount->setValue(40);
        QVERIFY(!share->isEnabled());
        QVERIFY2(qAbs(share->value() - 50) < 1e-6, qPrintable(QString::number(share->value())));
        QVERIFY(qAbs(w.design().ecoShare - 0.5) < 1e-9);
        QVERIFY(qAbs(w.result().savedCo2G - 180) < 1e-6);
        QVERIFY(w.uptake().has_value());
        // The dashed curve: 101 discounts from 0 to 50 %, shares 1.25 x discount: 0, 12.5 % at 10 %, 62.5 % at 50 %.
        auto *curve = qobject_cast<QCPCurve *>(w.savedPlot()->plottable(2));
        QVERIFY(curve && curve->visible());
        QCOMPARE(curve->dataCount(), 101);
        QVERIFY(qAbs(curve->data()->at(0)->key) < 1e-6 && curve->data()->at(0)->value == 0);
        QVERIFY(qAbs(curve->data()->at(20)->key - 12.5) < 1e-6);  // discount 10 %
        QVERIFY(qAbs(curve->data()->at(100)->key - 62.5) < 1e-6); // discount 50 %
    }
};

QTEST_MAIN(TestEcoDesigner)
#include "test_eco_designer.moc"
