#pragma once

// A suite whose every test exports from a new main window on the tiny scenario, shown, with the Pareto plot drawn
// (a hidden tab redraws only when shown or exported), into files in mDir; the window is gone after each test.
#include "ui_shown.h"
#include "uitestfixture.h"

#include "comparetab.h"
#include "paretoplot.h"

#include <QObject>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace cs::test {

class TinyExportSuite : public QObject
{
    Q_OBJECT

protected:
    std::unique_ptr<MainWindow> mWindow;
    QTemporaryDir mDir;

private Q_SLOTS:
    void init()
    {
        QVERIFY(mDir.isValid());
        mWindow = std::make_unique<MainWindow>();
        loadTinyScenario(mWindow->document());
        mWindow->compareTab()->pareto()->ensureCurrent();
        QVERIFY(showExposed(*mWindow));
    }
    void cleanup() { mWindow.reset(); }
};

} // namespace cs::test
