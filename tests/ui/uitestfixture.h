#pragma once

// The tiny scenario every GUI test starts from (tests/data/ui): three hourly intervals,
//   intensity 100, 200, 300 gCO2/kWh and 1000, 2000, 3000 requests,
// so a single model of energy E mJ emits E/1000 J / 3.6e6 x (1000x100 + 2000x200 + 3000x300) = E x 1.4e6 / 3.6e9 g.

#include "mainwindow.h"
#include "projectsession.h"
#include "scenariodocument.h"
#include "trace_file.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QStandardPaths>
#include <QTest>
#include <QString>

#include <memory>

namespace cs::test {

inline QString dataPath(const char *name)
{
    return QStringLiteral(CARBONSCOPE_SOURCE_DIR "/tests/data/ui/") + QLatin1String(name);
}

inline void loadTinyScenario(ScenarioDocument *document)
{
    document->setTraces(readTrace(dataPath("tiny_carbon.csv").toStdString(), SeriesKind::Carbon),
                        readTrace(dataPath("tiny_requests.csv").toStdString(), SeriesKind::Requests),
                        QStringLiteral("tiny"));
}

// Sum over the tiny scenario of requests x intensity: 1000x100 + 2000x200 + 3000x300.
constexpr double TinyRequestIntensity = 1.4e6;
inline double tinyCo2(double energyMj)
{
    return energyMj * TinyRequestIntensity / 3.6e9;
}

// For tests that answer dialogs: settings and app data in test locations, Qt's own (widget) file dialogs, and
// closing the last window does not end the test's event loop.
inline void useTestEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
    QApplication::setQuitOnLastWindowClosed(false);
}

// The tiny scenario in a new main window, which is shown (not waited for).
inline void showTinyScenario(MainWindow &window)
{
    loadTinyScenario(window.document());
    window.show();
}

// The embedded default scenario on the Timeline, in a window of `size` (where valid; else the size it chose),
// shown; false where it did not open or the window was not exposed.
[[nodiscard]] inline bool showDefaultScenario(MainWindow &window, QSize size)
{
    if (!window.openDefaultScenario())
        return false;
    window.showTab(QStringLiteral("Timeline"));
    if (size.isValid())
        window.resize(size);
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

// A new main window on the tiny scenario and one tab, not shown yet (showActive in ui_shown.h shows it).
inline std::unique_ptr<MainWindow> tinyWindowOnTab(const QString &tab)
{
    auto window = std::make_unique<MainWindow>();
    loadTinyScenario(window->document());
    window->showTab(tab);
    return window;
}

// The tiny scenario saved by this window as the project at `path`; the window stays on that project.
inline bool saveTinyProject(MainWindow &window, const QString &path)
{
    loadTinyScenario(window.document());
    return window.project()->saveAs(path);
}

// The index in document.runs() of policy `spec`'s run (its row in the totals tables), -1 where it is not compared.
inline int runIndex(const ScenarioDocument &document, const std::string &spec)
{
    const auto &runs = document.runs();
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (runs[i].spec == spec)
            return static_cast<int>(i);
    return -1;
}

// Policy `spec`'s run, or nullptr where it is not compared.
inline const PolicyRun *runOf(const ScenarioDocument &document, const std::string &spec)
{
    const int i = runIndex(document, spec);
    return i >= 0 ? &document.runs()[static_cast<std::size_t>(i)] : nullptr;
}

// The baseline policy of the project saved at `path`, as a new window opens it; "(does not open)" where it
// does not.
inline std::string savedBaseline(const QString &path)
{
    MainWindow reopened;
    return reopened.project()->openProject(path) ? reopened.document()->policies().baseline : "(does not open)";
}

// A window's menu action by object name ("actionSaveProject"), to trigger as a user picks it.
inline QAction *action(QWidget *window, const char *name)
{
    return window->findChild<QAction *>(QLatin1String(name));
}

// The tiny scenario written as the project `path` (with `baseline` as the baseline, where given) by a window that
// then goes: a project on disk for a test to open, drop or guard; false where it could not be saved.
inline bool writeTinyProject(const QString &path, const std::string &baseline = {})
{
    MainWindow source;
    loadTinyScenario(source.document());
    if (!baseline.empty())
        source.document()->setBaseline(baseline);
    return source.project()->saveAs(path);
}

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace cs::test
