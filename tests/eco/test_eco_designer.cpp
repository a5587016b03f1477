// The Eco tab's widget drives the eco library: edits re-compute at once, and the heat maps hold the sweep.
#include "eco/ecodesignerwidget.h"
#include "qcp.h"

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
        ModelPool pool;
        pool.name = "eco test";
        pool.models = {{"S", 1000, 5, 40.0, {}, "test"}, {"E", 400, 9, 25.0, {}, "test"}};
        Scenario s;
        s.name = "two hours";
        s.intervalSeconds = 3600;
        s.times = {0, 3600};
        s.intensity = {100, 300};
        s.requests = {3.6e6, 7.2e6};

        EcoDesignerWidget w;
        w.setScenario(s, pool);
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
};

QTEST_MAIN(TestEcoDesigner)
#include "test_eco_designer.moc"
