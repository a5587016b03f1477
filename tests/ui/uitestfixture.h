#pragma once

// The tiny scenario every GUI test starts from (tests/data/ui): three hourly intervals,
//   intensity 100, 200, 300 gCO2/kWh and 1000, 2000, 3000 requests,
// so a single model of energy E mJ emits E/1000 J / 3.6e6 x (1000x100 + 2000x200 + 3000x300) = E x 1.4e6 / 3.6e9 g.

#include "mainwindow.h"
#include "scenariodocument.h"
#include "trace_csv.h"

#include <QApplication>
#include <QFile>
#include <QStandardPaths>
#include <QString>

namespace cs::test {

inline QString dataPath(const char *name)
{
    return QStringLiteral(CARBONSCOPE_SOURCE_DIR "/tests/data/ui/") + QLatin1String(name);
}

inline void loadTinyScenario(ScenarioDocument *document)
{
    document->setTraces(readCarbonCsv(dataPath("tiny_carbon.csv").toStdString()),
                        readRequestCsv(dataPath("tiny_requests.csv").toStdString()), QStringLiteral("tiny"));
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

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace cs::test
