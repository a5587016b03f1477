// carbonscope: the CarbonScope desktop app. Parses the command line and wires carbonscope_ui together.
#include "mainwindow.h"
#include "qcp.h"
#include "scenariodocument.h"
#include "teachingpanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace {

// Calls `done` once, when the watched widget is first painted (the first plot on screen).
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(std::function<void()> done) : mDone(std::move(done)) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && mDone) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, std::exchange(mDone, nullptr));
        }
        return false;
    }

private:
    std::function<void()> mDone;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer startTimer;
    startTimer.start();
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CarbonScope"));
    QApplication::setOrganizationName(QStringLiteral("CarbonScope"));
    QApplication::setApplicationVersion(QStringLiteral(CARBONSCOPE_VERSION)); // the project's (cmake/packaging.cmake)
    // The installed desktop entry (resources/linux/), so a Wayland compositor shows its name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.carbonscope.CarbonScope"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Carbon-aware DNN inference: simulate which model serves "
                                                    "requests as grid carbon intensity changes."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a PNG of the window to FILE once it is drawn, then quit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("Open on the tab named NAME."),
                                 QStringLiteral("NAME"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size WxH in pixels."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption startTime(QStringLiteral("print-start-time"),
                                       QStringLiteral("Print the time from start to the first plot drawn."));
    const QCommandLineOption fresh(QStringLiteral("default-scenario"),
                                   QStringLiteral("Open the embedded default scenario, not the last project."));
    const QCommandLineOption teaching(QStringLiteral("teaching"), QStringLiteral("Start in teaching mode."));
    const QCommandLineOption presentation(QStringLiteral("presentation"),
                                          QStringLiteral("Start in teaching mode full screen, in large type (F11)."));
    const QCommandLineOption listTabs(QStringLiteral("list-tabs"), QStringLiteral("Print the tabs' names and quit."));
    parser.addOptions({screenshot, tab, size, startTime, fresh, teaching, presentation, listTabs});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A CarbonScope project (.csdb) to open, or a trace to import."),
                                 QStringLiteral("[file]"));
    parser.process(app);

    cs::MainWindow window;
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2)
            window.resize(wh[0].toInt(), wh[1].toInt());
    }
    if (parser.isSet(listTabs)) {
        for (int i = 0; i < window.tabs()->count(); ++i)
            std::printf("%s\n", qPrintable(window.tabs()->tabText(i).remove(QLatin1Char('&'))));
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    // A trace given as the file ("Open with CarbonScope" on a CSV) opens the import dialog on it, over the
    // scenario the window starts with.
    const bool trace = !files.isEmpty() && !files.front().endsWith(QLatin1String(".csdb"), Qt::CaseInsensitive);
    // Work an earlier run left unsaved comes first (not in the unattended screenshot and timing runs). A project
    // that cannot be opened is reported in a dialog, and the default scenario opens untitled in its place.
    const bool unattended = parser.isSet(screenshot) || parser.isSet(startTime);
    if (!unattended && window.offerRecovery()) {
    } else if (parser.isSet(fresh)) {
        window.openDefaultScenario();
    } else if (!files.isEmpty() && !trace) {
        if (!window.openProjectFile(files.front()))
            window.openDefaultScenario();
    } else {
        window.openInitial();
    }
    if (trace)
        QTimer::singleShot(0, &window, [&window, path = files.front()] { window.importTrace(path); });
    if (parser.isSet(teaching) || parser.isSet(presentation)) {
        window.setTeachingMode(true);
        // A third into the scenario, so the readout and the cursor show a real moment.
        window.teachingPanel()->setPosition(static_cast<int>(window.document()->scenario().size() / 3));
    }
    if (parser.isSet(tab))
        window.showTab(parser.value(tab));
    if (parser.isSet(presentation))
        window.setPresentationMode(true); // shows the window full screen
    window.show();

    FirstPaint *firstPaint = nullptr;
    if (parser.isSet(startTime) || parser.isSet(screenshot)) {
        // After the timeline's plot is first painted: print the start-up time, save the screenshot, quit.
        const double startMs = startTimer.nsecsElapsed() / 1e6;
        firstPaint = new FirstPaint([&, startMs] {
            if (parser.isSet(startTime))
                std::printf("start to first plot painted: %.1f ms (window set up: %.1f ms)\n",
                            startTimer.nsecsElapsed() / 1e6, startMs);
            std::fflush(stdout);
            if (!parser.isSet(screenshot)) {
                // exit(), not quit(): Qt 6's quit() closes the window first, and its close saves the window's layout
                // into the user's settings; a timing run (as a screenshot run) leaves them as they were.
                QApplication::exit(0);
                return;
            }
            QTimer::singleShot(300, &window, [&] {
                const QString file = parser.value(screenshot);
                const bool ok = window.grab().save(file, nullptr, 0); // PNG at its strongest compression
                std::printf("%s %s\n", ok ? "saved" : "could not save", qPrintable(QDir::toNativeSeparators(file)));
                QApplication::exit(ok ? 0 : 1);
            });
        });
        firstPaint->setParent(&window);
        // The plot of the current tab, so its first paint is what the user first sees.
        QWidget *current = window.tabs()->currentWidget();
        auto *plot = current ? current->findChild<QCustomPlot *>() : nullptr;
        (plot ? static_cast<QObject *>(plot) : &window)->installEventFilter(firstPaint);
    }
    return QApplication::exec();
}
