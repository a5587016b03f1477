// Start-up builds only the tab it opens on (#15, cold start): the Compare, Pool, Eco, Live and Sweep tabs are built
// the first time they are shown or asked for, and then show the document as it is by then.
#include "uitestfixture.h"

#include "comparetab.h"
#include "lazytab.h"
#include "policytable.h"
#include "pooleditor.h"

#include "eco/ecodesignerwidget.h"
#include "live/livetab.h"
#include "sweep/sweeptab.h"

#include <QTabWidget>
#include <QtTest>

using namespace cs;

class TestLazyTabs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::useTestEnvironment(); }

    void onlyTheTimelineIsBuiltAtStart()
    {
        MainWindow window;
        QVERIFY(test::showDefaultScenario(window, QSize(1366, 768)));
        QCOMPARE(window.tabs()->count(), 6); // Timeline, Compare, Pool, Eco tier, Live, Sweep
        QVERIFY(!window.findChild<CompareTab *>());
        QVERIFY(!window.findChild<PoolEditor *>());
        QVERIFY(!window.findChild<EcoDesignerWidget *>());
        QVERIFY(!window.findChild<LiveTab *>());
        QVERIFY(!window.findChild<SweepTab *>());
        for (int i = 1; i < window.tabs()->count(); ++i)
            QVERIFY(!qobject_cast<LazyTab *>(window.tabs()->widget(i))->isBuilt());
    }

    void aTabShownIsBuiltOnTheCurrentDocument()
    {
        MainWindow window;
        QVERIFY(test::showDefaultScenario(window, QSize(1366, 768)));
        QVERIFY(window.showTab(QStringLiteral("Compare")));
        auto *compare = window.findChild<CompareTab *>();
        QVERIFY(compare);
        QVERIFY(compare->isVisible());
        // Built after the scenario opened, it lists what was simulated then: the paper's experiment has six
        // policies (heuristic, its printed reading, ResNet50, ResNet101, ResNet152 and the optimum).
        QCOMPARE(compare->table()->model()->rowCount(), 6);
        QCOMPARE(compare->table()->model()->rowCount(), static_cast<int>(window.document()->runs().size()));
        QVERIFY(window.showTab(QStringLiteral("Sweep")));
        QVERIFY(window.findChild<SweepTab *>());
        QVERIFY(!window.findChild<PoolEditor *>()); // still not looked at
    }

    void askingForATabBuildsItHidden()
    {
        MainWindow window;
        test::loadTinyScenario(window.document());
        QVERIFY(!window.findChild<PoolEditor *>());
        PoolEditor *pool = window.poolEditor();
        QVERIFY(pool);
        QCOMPARE(window.findChild<PoolEditor *>(), pool);
        QCOMPARE(window.poolEditor(), pool); // built once
        QVERIFY(window.compareTab());
        QCOMPARE(window.findChildren<CompareTab *>().size(), 1);
    }
};

QTEST_MAIN(TestLazyTabs)
#include "test_lazy_tabs.moc"
