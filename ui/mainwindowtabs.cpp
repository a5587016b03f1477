#include "mainwindow.h"

#include "comparetab.h"
#include "currency.h"
#include "lazytab.h"
#include "pooleditor.h"
#include "scenariodocument.h"
#include "timelinetab.h"

#include "eco/ecodesignerwidget.h"
#include "live/livetab.h"
#include "sweep/sweeptab.h"

#include <QTabWidget>

// The main window's tabs. The Timeline is built at once (the app opens on it); the tabs behind it are LazyTabs,
// built when first shown or asked for, so start-up builds, lays out and draws one tab, not six.

namespace cs {

QWidget *MainWindow::createTimelineTab()
{
    mTimelineTab = new TimelineTab(mDocument, this);
    mTimeline = mTimelineTab->timeline();
    mDaily = mTimelineTab->daily();
    mTeaching = mTimelineTab->teaching();
    mScenarioLabel = mTimelineTab->scenarioLabel();
    return mTimelineTab;
}

LazyTab *MainWindow::addLazyTab(const QString &title, const QString &tip, std::function<QWidget *(QWidget *)> build)
{
    auto *page = new LazyTab(std::move(build), this);
    mTabs->addTab(page, title);
    mTabs->setTabToolTip(mTabs->count() - 1, tip);
    return page;
}

void MainWindow::addLazyTabs()
{
    mComparePage = addLazyTab(tr("&Compare"), tr("Policies side by side and the Pareto plot (Ctrl+2)"),
                              [this](QWidget *page) { return new CompareTab(mDocument, page); });
    mPoolPage = addLazyTab(tr("&Pool"), tr("Edit the model pool; every edit re-simulates (Ctrl+3)"),
                           [this](QWidget *page) { return new PoolEditor(mDocument, page); });
    addLazyTab(tr("&Eco tier"), tr("Design a two-tier eco subscription"), [this](QWidget *page) {
        // The eco designer takes the scenario and pool from outside; it follows every re-simulation, its heat maps
        // recomputed only while the tab shows, or when it is next shown.
        auto *eco = new EcoDesignerWidget(page);
        eco->setCurrency(CurrencySetting::instance().code());
        connect(&CurrencySetting::instance(), &CurrencySetting::changed, eco, &EcoDesignerWidget::setCurrency);
        const auto refresh = [this, eco, page] {
            if (mTabs->currentWidget() == page && mEcoDirty) {
                mEcoDirty = false;
                eco->setScenario(mDocument->scenario(), mDocument->pool());
            }
        };
        connect(mDocument, &ScenarioDocument::resultsChanged, eco, [this, refresh] {
            mEcoDirty = true;
            refresh();
        });
        connect(mTabs, &QTabWidget::currentChanged, eco, refresh);
        refresh(); // built because its page is being shown
        return eco;
    });
    addLazyTab(tr("&Live"), tr("Serve inference live and measure its energy"),
               [this](QWidget *page) { return new LiveTab(mDocument, page); });
    addLazyTab(tr("S&weep"), tr("Policies over many zones and months: heat maps"),
               [](QWidget *page) { return new SweepTab(page); });
}

CompareTab *MainWindow::compareTab() const
{
    return static_cast<CompareTab *>(mComparePage->content());
}

PoolEditor *MainWindow::poolEditor() const
{
    return static_cast<PoolEditor *>(mPoolPage->content());
}

} // namespace cs
