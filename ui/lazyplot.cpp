#include "lazyplot.h"

#include "plottheme.h"
#include "scenariodocument.h"

#include <QEvent>
#include <QVBoxLayout>

namespace cs {

LazyPlot::LazyPlot(ScenarioDocument *document, const QString &title, QWidget *parent)
    : QWidget(parent), mDocument(document), mPlot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mPlot);
    mPlot->plotLayout()->insertRow(0);
    mTitle = new QCPTextElement(mPlot, title, QFont(font().family(), font().pointSize() + 1, QFont::Bold));
    mPlot->plotLayout()->addElement(0, 0, mTitle);
    // totalsChanged follows every resultsChanged and also a period selected or cleared.
    connect(mDocument, &ScenarioDocument::totalsChanged, this, &LazyPlot::rebuildWhenVisible);
}

void LazyPlot::setTitle(const QString &text)
{
    mTitle->setText(text);
}

void LazyPlot::rebuildWhenVisible()
{
    if (isVisible())
        rebuild();
    else
        mDirty = true;
}

void LazyPlot::finishRebuild()
{
    mDirty = false;
    applyPlotTheme(mPlot, palette());
    mPlot->replot();
}

void LazyPlot::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (mDirty)
        rebuild();
}

void LazyPlot::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuildWhenVisible();
}

bool LazyPlot::darkTheme() const
{
    return isDarkPalette(palette());
}

} // namespace cs
