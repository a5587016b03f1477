#include "lazytab.h"

#include <QVBoxLayout>

namespace cs {

LazyTab::LazyTab(std::function<QWidget *(QWidget *page)> build, QWidget *parent)
    : QWidget(parent), mBuild(std::move(build))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

QWidget *LazyTab::content()
{
    if (!mContent) {
        mContent = std::exchange(mBuild, nullptr)(this);
        layout()->addWidget(mContent);
        mContent->show(); // shown with the page now, not from a queued event after its first paint
    }
    return mContent;
}

void LazyTab::showEvent(QShowEvent *event)
{
    // Built before the page's first paint, so the user never sees it empty.
    content();
    QWidget::showEvent(event);
}

} // namespace cs
