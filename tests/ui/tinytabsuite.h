#pragma once

// A suite whose every test starts on a new main window with the tiny scenario on one tab, shown and active (key
// events reach it), and ends with the window gone. The suite names its tab; its tests drive mWindow.
#include "ui_shown.h"
#include "uitestfixture.h"

#include <QObject>
#include <QtTest>

#include <memory>

namespace cs::test {

class TinyTabSuite : public QObject
{
    Q_OBJECT

public:
    explicit TinyTabSuite(QString tab) : mTab(std::move(tab)) {}

protected:
    std::unique_ptr<MainWindow> mWindow;

private Q_SLOTS:
    void init()
    {
        mWindow = tinyWindowOnTab(mTab);
        QVERIFY(showActive(*mWindow));
    }
    void cleanup() { mWindow.reset(); }

private:
    QString mTab;
};

} // namespace cs::test
