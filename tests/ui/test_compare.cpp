// The Compare tab driven as a user would: a policy typed into the field joins the comparison with the totals worked
// out by hand; a double-click makes a row the baseline; a header click sorts; a bad spec is refused with a reason;
// with a period selected the Pareto plot's exact frontier is the period's.
#include "tinytabsuite.h"

#include "comparetab.h"
#include "paretoplot.h"
#include "policytable.h"
#include "policytotalsmodel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QtTest>

using namespace cs;

class TestCompare : public test::TinyTabSuite
{
    Q_OBJECT

public:
    TestCompare() : TinyTabSuite(QStringLiteral("Compare")) {}

private:
    const PolicyRun *run(const std::string &spec) { return test::runOf(*mWindow->document(), spec); }
    // The row of policy `spec` in the Compare table as shown (sorted as the user chose).
    int rowOf(const QString &spec)
    {
        QAbstractItemModel *m = mWindow->compareTab()->table()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, PolicyTotalsModel::Spec).data(Qt::UserRole).toString() == spec)
                return r;
        return -1;
    }

private Q_SLOTS:
    void typedThresholdPolicyJoinsWithHandWorkedTotals()
    {
        auto *field = mWindow->compareTab()->findChild<QComboBox *>();
        QVERIFY(field && field->isEditable());
        field->lineEdit()->clear();
        QTest::keyClicks(field->lineEdit(), QStringLiteral("threshold:VGG19@150,ResNet50@250,AlexNet"));
        QTest::keyClick(field->lineEdit(), Qt::Key_Return);
        const PolicyRun *r = run("threshold:VGG19@150,ResNet50@250,AlexNet");
        QVERIFY(r && r->ok());
        // 100 < 150: VGG19 (803.85 mJ); 200 < 250: ResNet50 (420.62); 300 >= 250: AlexNet (125).
        // CO2 = (1000x100x803.85 + 2000x200x420.62 + 3000x300x125) / 3.6e9 = 361,133,000 / 3.6e9 g.
        QVERIFY(qAbs(r->result.totals.co2G - 361133000.0 / 3.6e9) < 1e-12);
        // Error = (1000x9.124 + 2000x7.138 + 3000x20.934) / 6000 = 86,202 / 6000 %.
        QVERIFY(qAbs(r->result.totals.errorPct - 86202.0 / 6000) < 1e-9);
        QVERIFY(rowOf(QStringLiteral("threshold:VGG19@150,ResNet50@250,AlexNet")) >= 0);
    }

    void badSpecIsRefusedWithAReason()
    {
        const std::size_t before = mWindow->document()->runs().size();
        QVERIFY(!mWindow->compareTab()->addPolicy(QStringLiteral("nonsense:1")));
        QCOMPARE(mWindow->document()->runs().size(), before);
        bool shown = false;
        for (QLabel *l : mWindow->compareTab()->findChildren<QLabel *>())
            shown = shown || l->text().contains(QStringLiteral("nonsense"));
        QVERIFY(shown);
    }

    void doubleClickMakesTheBaseline()
    {
        PolicyTable *table = mWindow->compareTab()->table();
        const int row = rowOf(QStringLiteral("model:ResNet34"));
        QVERIFY(row >= 0);
        const QRect cell = table->visualRect(table->model()->index(row, PolicyTotalsModel::Policy));
        // A real double-click: the first press selects, the second is the double-click event.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(mWindow->document()->policies().baseline, std::string("model:ResNet34"));
        // ResNet50 against ResNet34: (420.62 - 359.93) x 1.4e6 / 3.6e9 g more, and
        // (8.58 - 7.138) / 8.58 x 100 % better.
        const PolicyRun *r = run("model:ResNet50");
        QVERIFY(qAbs(r->vsBaseline.extraCo2G - (420.62 - 359.93) * 1.4e6 / 3.6e9) < 1e-12);
        QVERIFY(qAbs(r->vsBaseline.relativeGainPct - (8.58 - 7.138) / 8.58 * 100) < 1e-9);
        QTest::keyClick(mWindow.get(), Qt::Key_Z, Qt::ControlModifier); // the baseline choice is undoable
        QCOMPARE(mWindow->document()->policies().baseline, std::string("model:ResNet50"));
    }

    void headerClickSortsByCo2()
    {
        PolicyTable *table = mWindow->compareTab()->table();
        QHeaderView *header = table->horizontalHeader();
        const int x = header->sectionViewportPosition(PolicyTotalsModel::Co2) + header->sectionSize(PolicyTotalsModel::Co2) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        // Ascending: AlexNet (125 mJ) has the least CO2 of every policy on any scenario.
        QCOMPARE(table->model()->index(0, PolicyTotalsModel::Spec).data(Qt::UserRole).toString(),
                 QStringLiteral("model:AlexNet"));
        const int n = table->model()->rowCount();
        for (int r = 1; r < n; ++r)
            QVERIFY(table->model()->index(r - 1, PolicyTotalsModel::Co2).data(Qt::UserRole).toDouble() <=
                    table->model()->index(r, PolicyTotalsModel::Co2).data(Qt::UserRole).toDouble());
    }

    void paretoFrontierFollowsTheSelectedPeriod()
    {
        ParetoPlot *pareto = mWindow->compareTab()->pareto();
        pareto->ensureCurrent();
        // Least error is ResNet152 (5.954 %, 1238.15 mJ) in every interval; the whole scenario:
        // 1238.15 x (1000x100 + 2000x200 + 3000x300) / 3.6e9 = 1238.15 x 1.4e6 / 3.6e9 g.
        QVERIFY(pareto->hasFrontier());
        QVERIFY(qAbs(pareto->frontierLeastError().x() - 1238.15 * 1.4e6 / 3.6e9) < 1e-12);
        QVERIFY(qAbs(pareto->frontierLeastError().y() - 5.954) < 1e-9);
        // The period [01:00, 03:00): the last two intervals, 1238.15 x (2000x200 + 3000x300) / 3.6e9 g, with the
        // same error (one model everywhere). The frontier is drawn for it, not hidden.
        mWindow->document()->setTotalsRange(UtcSeconds(1685577600 + 3600), UtcSeconds(1685577600 + 10800));
        pareto->ensureCurrent();
        QVERIFY(pareto->hasFrontier());
        QVERIFY(qAbs(pareto->frontierLeastError().x() - 1238.15 * 1.3e6 / 3.6e9) < 1e-12);
        QVERIFY(qAbs(pareto->frontierLeastError().y() - 5.954) < 1e-9);
        // The points describe the same period: ResNet152's point is the frontier's least-error end.
        const PolicyRun *r = run("model:ResNet152");
        QVERIFY(r && r->ok());
        QVERIFY(qAbs(r->rangeTotals.co2G - pareto->frontierLeastError().x()) < 1e-12);
        // A period without intervals has no frontier; clearing the period brings the whole scenario's back.
        mWindow->document()->setTotalsRange(UtcSeconds(1685577600 - 86400), UtcSeconds(1685577600 - 3600));
        pareto->ensureCurrent();
        QVERIFY(!pareto->hasFrontier());
        mWindow->document()->clearTotalsRange();
        pareto->ensureCurrent();
        QVERIFY(qAbs(pareto->frontierLeastError().x() - 1238.15 * 1.4e6 / 3.6e9) < 1e-12);
    }
};

QTEST_MAIN(TestCompare)
#include "test_compare.moc"
