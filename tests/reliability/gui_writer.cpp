// cs_gui_writer KIND PATH: writes what the GUI's File ▸ Export writes, through the same Exporter calls, from a
// window holding the tiny scenario, so that test_cli_faults can fail each of its calls as it does the CLI's.
// KIND: png, svg or pdf (the timeline chart), totals or intervals (CSV), report (the one-page PDF).
#include "comparetab.h"
#include "exporter.h"
#include "mainwindow.h"
#include "paretoplot.h"
#include "scenariodocument.h"
#include "timelineview.h"
#include "trace_file.h"

#include <QApplication>
#include <QStandardPaths>

#include <cstdio>

int main(int argc, char **argv)
{
    QStandardPaths::setTestModeEnabled(true); // no settings or autosave of the user's
    QApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: cs_gui_writer png|svg|pdf|totals|intervals|report PATH\n");
        return 1;
    }
    const QString kind = QString::fromUtf8(argv[1]), path = QString::fromUtf8(argv[2]);
    cs::MainWindow window;
    const QString data = QStringLiteral(CARBONSCOPE_SOURCE_DIR "/tests/data/ui/");
    window.document()->setTraces(cs::readTrace((data + "tiny_carbon.csv").toStdString(), cs::SeriesKind::Carbon),
                                 cs::readTrace((data + "tiny_requests.csv").toStdString(), cs::SeriesKind::Requests), QStringLiteral("tiny"));
    QString error;
    if (kind == QLatin1String("png") || kind == QLatin1String("svg") || kind == QLatin1String("pdf"))
        error = cs::Exporter::chart(window.timeline()->plot(), path, 640, 400);
    else if (kind == QLatin1String("totals"))
        error = cs::Exporter::totalsCsv(*window.document(), path);
    else if (kind == QLatin1String("intervals"))
        error = cs::Exporter::intervalsCsv(*window.document(), path);
    else if (kind == QLatin1String("report"))
        error = cs::Exporter::reportPdf(*window.document(), window.timeline()->plot(),
                                        window.compareTab()->pareto()->plot(), path);
    else
        error = QStringLiteral("unknown kind ") + kind;
    if (!error.isEmpty()) {
        std::fprintf(stderr, "cs_gui_writer: error: %s\n", qPrintable(error));
        return 2;
    }
    return 0;
}
