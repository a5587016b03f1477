// The Eco tab's widget drives the eco library: edits re-compute at once, and the charts hold the sweep: a heat map
// only where a figure varies with both eco share and discount, else a line. It opens with users choosing their
// tier; latency comes from the pool or is typed in; money carries the currency. Values worked out by hand.
#include "eco/ecodesignerwidget.h"
#include "eco_fixture.h"
#include "qcp.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QtTest>

using namespace cs;

class TestEcoDesigner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editsRecompute()
    {
        // The two-hour example of test_eco_tier: S 1000 mJ, E 400 mJ; 3.6e6 requests at 100 g/kWh and 7.2e6 at
        // 300. A threshold of 200 degrades hour 2 only, where E saves 0.6 J x 7.2e6 / 3.6e6 x 300 = 360 g per
        // unit of eco share: 90 g at 25 %, 180 g at 50 %.
        EcoDesignerWidget w;
        w.setScenario(twoHours(), ecoPool());
        QVERIFY(w.findChild<QCheckBox *>()->isChecked()); // the tab opens on the users' choice
        w.findChild<QCheckBox *>()->setChecked(false);    // this case sets the share itself
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
        auto *share = w.findChild<QDoubleSpinBox *>(QStringLiteral("ecoShare"));
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
        // CO2 saved varies with the share alone: drawn as a line over the share (0, 18, ..., 360 g), no stripes.
        QCOMPARE(w.savedChart().shape, EcoChart::Shape::LineOverShare);
        QVERIFY(!map->visible() && w.savedChart().line->visible());
        QCOMPARE(w.savedChart().line->dataCount(), 21);
        QVERIFY(qAbs(w.savedChart().line->data()->at(20)->value - 360) < 1e-9);
        QVERIFY(qAbs(w.savedChart().line->data()->at(10)->value - 180) < 1e-9);
        // The cost per tonne varies with the discount alone: 0.001 x 10.8e6 requests x d / 360e-6 t per unit
        // share = 30,000,000 d per tonne; at 20 %, 6,000,000. Empty at share 0 (nothing saved), so the line is
        // read at the first share that saves.
        QCOMPARE(w.costChart().shape, EcoChart::Shape::LineOverDiscount);
        QVERIFY(qAbs(w.costChart().line->data()->at(8)->value / 6e6 - 1) < 1e-9); // discount 8 x 2.5 % = 20 %
        // The net benefit varies with both: a map. At share 100 % and discount 7 x 2.5 % = 17.5 %:
        // 360e-6 t x 80 - 10800 x 0.175 = 0.0288 - 1890 = -1889.9712.
        QCOMPARE(w.netChart().shape, EcoChart::Shape::Map);
        QVERIFY(w.netChart().map->visible());
        QVERIFY(qAbs(w.netChart().map->data()->cell(20, 7) - (-1889.9712)) < 1e-6);
    }

    // Latency from the pool where it is there (S 40 ms, E 25 ms in the fixture), else typed in. With E's latency
    // left out of the pool and 70 ms typed: hour 2 degraded at a threshold of 200, so eco requests see
    // 1/3 x 40 + 2/3 x 70 = 60 ms on average (7.2e6 of 10.8e6 requests degraded).
    void latencyFromThePoolOrTypedIn()
    {
        ModelPool pool = ecoPool();
        pool.models[1].latencyMs.reset();
        EcoDesignerWidget w;
        w.setScenario(twoHours(), pool);
        auto *standard = w.findChild<QDoubleSpinBox *>(QStringLiteral("standardLatency"));
        auto *eco = w.findChild<QDoubleSpinBox *>(QStringLiteral("ecoLatency"));
        QVERIFY(standard && eco);
        QVERIFY(!standard->isEnabled());
        QCOMPARE(standard->value(), 40.0);
        QVERIFY(eco->isEnabled());
        QVERIFY(!w.result().ecoLatencyMs); // nothing typed yet
        w.findChild<QDoubleSpinBox *>(QStringLiteral("threshold"))->setValue(200);
        eco->setValue(70);
        QVERIFY(w.result().ecoLatencyMs.has_value());
        QVERIFY(qAbs(*w.result().ecoLatencyMs - 60) < 1e-9);
        QCOMPARE(*w.design().ecoLatencyMs, 70.0);
        QVERIFY(!w.design().standardLatencyMs); // the pool's figure is used, not a typed one
        QVERIFY(!w.findChild<QLabel *>()->text().contains(QStringLiteral("not known")));
    }

    void moneyCarriesTheCurrency()
    {
        EcoDesignerWidget w;
        w.setScenario(twoHours(), ecoPool());
        w.setCurrency(QStringLiteral("GBP"));
        QCOMPARE(w.findChild<QDoubleSpinBox *>(QStringLiteral("price"))->suffix(), QStringLiteral(" GBP"));
        QCOMPARE(w.findChild<QDoubleSpinBox *>(QStringLiteral("carbonPrice"))->suffix(), QStringLiteral(" GBP/t"));
        // Revenue over the two hours at 0.001 per request: 10.8e6 x 0.001 = 10800.
        QVERIFY(w.findChild<QLabel *>()->text().contains(QStringLiteral("10800") + QChar(0x2009) + QStringLiteral("GBP")));
    }

    void usersChooseTheirTier()
    {
        // The hand example of test_eco_tier's uptake cases: price 0.002 per request, a point of error worth up to
        // 0.0006, CO2 worth nothing: share = 0.002 d / (2/3 x 4 x 0.0006) = 1.25 d. At 40 % the users choose 50 %,
        // saving 0.5 x 360 = 180 g.
        EcoDesignerWidget w;
        w.setScenario(twoHours(), ecoPool());
        auto named = [&](const char *name) { return w.findChild<QDoubleSpinBox *>(QLatin1String(name)); };
        QDoubleSpinBox *threshold = named("threshold"), *error = named("errorValue"), *latency = named("latencyValue"),
                       *carbon = named("carbonValue"), *price = named("price"), *share = named("ecoShare"),
                       *discount = named("ecoDiscount");
        QVERIFY(threshold && error && latency && carbon && price && share && discount);
        w.findChild<QCheckBox *>()->setChecked(false);
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
        // It is drawn on the net-benefit map (the one chart over both); CO2 saved is a line, marked at 50 %.
        auto *curve = qobject_cast<QCPCurve *>(w.netChart().plot->plottable(2));
        QVERIFY(curve && curve->visible());
        QVERIFY(!qobject_cast<QCPCurve *>(w.savedPlot()->plottable(2))->visible());
        QVERIFY(qAbs(w.savedChart().marker->data()->at(0)->key - 50) < 1e-6);
        QVERIFY(qAbs(w.savedChart().marker->data()->at(0)->value - 180) < 1e-6);
        QCOMPARE(curve->dataCount(), 101);
        QVERIFY(qAbs(curve->data()->at(0)->key) < 1e-6 && curve->data()->at(0)->value == 0);
        QVERIFY(qAbs(curve->data()->at(20)->key - 12.5) < 1e-6);  // discount 10 %
        QVERIFY(qAbs(curve->data()->at(100)->key - 62.5) < 1e-6); // discount 50 %
    }
};

QTEST_MAIN(TestEcoDesigner)
#include "test_eco_designer.moc"
