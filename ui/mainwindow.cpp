#include "mainwindow.h"

#include "dailyco2plot.h"
#include "policytable.h"
#include "scenariodocument.h"
#include "scenarioloader.h"
#include "timelineview.h"

#include <QLabel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cs {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), mDocument(new ScenarioDocument(this)), mTabs(new QTabWidget(this))
{
    setWindowTitle(tr("CarbonScope"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/carbonscope.svg")));
    setCentralWidget(mTabs);
    mTabs->setDocumentMode(true);
    mTabs->addTab(createTimelineTab(), tr("Timeline"));

    mStatusLabel = new QLabel(this);
    statusBar()->addPermanentWidget(mStatusLabel);
    connect(mDocument, &ScenarioDocument::resultsChanged, this, &MainWindow::updateStatus);
    connect(mDocument, &ScenarioDocument::scenarioChanged, this, &MainWindow::updateStatus);
    resize(1500, 950);
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createTimelineTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    mScenarioLabel = new QLabel(page);
    mScenarioLabel->setWordWrap(true);
    mScenarioLabel->setToolTip(tr("The scenario: where its traces come from and how they were aligned"));
    layout->addWidget(mScenarioLabel);

    mTimeline = new TimelineView(mDocument, page);
    mDaily = new DailyCo2Plot(mDocument, page);
    mTotals = new PolicyTable(mDocument, page);

    auto *plots = new QSplitter(Qt::Horizontal, page);
    plots->addWidget(mTimeline);
    plots->addWidget(mDaily);
    plots->setStretchFactor(0, 5);
    plots->setStretchFactor(1, 3);
    plots->setSizes({950, 520});
    auto *vertical = new QSplitter(Qt::Vertical, page);
    vertical->addWidget(plots);
    vertical->addWidget(mTotals);
    vertical->setStretchFactor(0, 5);
    vertical->setStretchFactor(1, 2);
    vertical->setSizes({640, 260});
    layout->addWidget(vertical, 1);

    connect(mTimeline, &TimelineView::visibilityChanged, this,
            [this] { mDaily->setHiddenPolicies(mTimeline->hiddenPolicies()); });
    connect(mTotals, &PolicyTable::hideRequested, this,
            [this](const std::string &spec) { mTimeline->setPolicyVisible(spec, false); });
    return page;
}

bool MainWindow::showTab(const QString &name)
{
    for (int i = 0; i < mTabs->count(); ++i) {
        if (mTabs->tabText(i).remove(QLatin1Char('&')).startsWith(name, Qt::CaseInsensitive)) {
            mTabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

bool MainWindow::openDefaultScenario()
{
    try {
        LoadedScenario loaded = loadDefaultScenario();
        mDocument->setScenario(std::move(loaded.scenario), loaded.description);
        return true;
    } catch (const std::exception &e) {
        statusBar()->showMessage(tr("Cannot open the default scenario: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
}

void MainWindow::updateStatus()
{
    mScenarioLabel->setText(tr("<b>Scenario:</b> %1").arg(mDocument->description().toHtmlEscaped()));
    int failed = 0;
    for (const PolicyRun &run : mDocument->runs())
        failed += run.ok() ? 0 : 1;
    mStatusLabel->setText(tr("%1 policies simulated in %2 ms%3")
                              .arg(mDocument->runs().size())
                              .arg(mDocument->lastSimulationMs(), 0, 'f', 1)
                              .arg(failed ? tr(", %1 could not run").arg(failed) : QString()));
}

} // namespace cs
