#pragma once

#include <QWidget>

#include <functional>

namespace cs {

// A tab page whose content is built the first time the page is shown or asked for (content()). The app then
// starts by building, laying out and drawing only the tab it opens on; the tabs behind it (Compare, Pool, Eco,
// Live, Sweep) cost nothing until they are looked at. The content fills the page.
class LazyTab : public QWidget
{
    Q_OBJECT

public:
    // `build` makes the content as a child of the given page; it is called at most once.
    explicit LazyTab(std::function<QWidget *(QWidget *page)> build, QWidget *parent = nullptr);

    // The content, built now if it was not yet.
    QWidget *content();
    bool isBuilt() const { return mContent != nullptr; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    std::function<QWidget *(QWidget *page)> mBuild;
    QWidget *mContent = nullptr;
};

} // namespace cs
