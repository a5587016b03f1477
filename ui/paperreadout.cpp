#include "paperreadout.h"

#include "paperexperiment.h"
#include "scenariodocument.h"
#include "unitformat.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QFileInfo>
#include <QUrl>

namespace cs {

PaperReadout::PaperReadout(ScenarioDocument *document, QWidget *parent) : QLabel(parent), mDocument(document)
{
    setObjectName(QStringLiteral("paperReadout"));
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse);
    setToolTip(tr("The paper's headline result (Jung 2024, Twitter request trace) against this scenario"));
    connect(this, &QLabel::linkActivated, this, [](const QString &) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(reproductionNotesPath()));
    });
    connect(document, &ScenarioDocument::totalsChanged, this, &PaperReadout::refresh);
    refresh();
}

QString PaperReadout::reproductionNotesPath()
{
    // Installed: <prefix>/bin and <prefix>/share/doc; built: <source>/build/app/carbonscope (or a test's folder).
    const QString dir = QCoreApplication::applicationDirPath();
    const QStringList candidates{dir + QStringLiteral("/../share/doc/carbonscope/reproduction.md"),
                                 dir + QStringLiteral("/../../../docs/reproduction.md"),
                                 dir + QStringLiteral("/../../docs/reproduction.md")};
    for (const QString &candidate : candidates)
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).absoluteFilePath();
    return candidates.front();
}

void PaperReadout::refresh()
{
    const auto &runs = mDocument->runs();
    const PolicyRun *heuristic = nullptr, *optimum = nullptr, *printed = nullptr;
    for (const PolicyRun &run : runs) {
        if (!run.ok())
            continue;
        if (run.spec == paper::Heuristic)
            heuristic = &run;
        else if (run.spec == paper::PrintedHeuristic)
            printed = &run;
        else if (run.spec.rfind("optimal:max-error=", 0) == 0)
            optimum = &run;
    }
    if (!heuristic || mDocument->policies().baseline != paper::Baseline || mDocument->totalsRange()) {
        setText(tr("<b>Paper vs here:</b> <i>shown with the heuristic and ResNet50 as baseline over the whole "
                   "scenario (File ▸ Open default scenario restores the paper's experiment).</i>"));
        return;
    }
    const BaselineComparison &h = heuristic->vsBaseline;
    QString text = tr("<b>Paper vs here</b> (heuristic against ResNet50): paper <b>%1 %</b> error, <b>%2 %</b> "
                      "relative error reduction for <b>+%3 g</b> (Twitter trace); here <b>%4 %</b>, <b>%5 %</b> for "
                      "<b>%6</b>. <a href='notes'>Why they differ</a>.")
                       .arg(paper::HeuristicErrorPct, 0, 'f', 2)
                       .arg(paper::HeuristicGainPct, 0, 'f', 2)
                       .arg(paper::HeuristicExtraCo2G, 0, 'f', 0)
                       .arg(heuristic->result.totals.errorPct, 0, 'f', 3)
                       .arg(h.relativeGainPct, 0, 'f', 2)
                       .arg((h.extraCo2G >= 0 ? QStringLiteral("+") : QString()) + formatMass(h.extraCo2G));
    if (optimum && heuristic->result.totals.co2G > 0) {
        const double saved = 1 - optimum->result.totals.co2G / heuristic->result.totals.co2G;
        text += tr(" The exact optimum at the same error emits %1 less.").arg(QStringLiteral("%1 %").arg(saved * 100, 0, 'f', 1));
    }
    if (printed)
        text += tr(" <i>Heuristic (printed)</i>: %1.").arg(QString::fromStdString(policyExplanation(paper::PrintedHeuristic)));
    setText(text);
}

} // namespace cs
