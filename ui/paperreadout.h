#pragma once

#include <QLabel>

namespace cs {

class ScenarioDocument;

// "Paper vs here": the paper's heuristic figures against ResNet50 (6.57 % error, +8.00 % relative error reduction,
// +1532 g) beside the same figures computed here, what the printed reading means, and what the exact optimum at
// the heuristic's error saves; a link opens docs/reproduction.md, which says why they differ. Shown while the
// document compares the heuristic with ResNet50 as baseline; otherwise it says how to get back to that.
class PaperReadout : public QLabel
{
    Q_OBJECT

public:
    explicit PaperReadout(ScenarioDocument *document, QWidget *parent = nullptr);

    // The reproduction notes: beside the executable when installed, else in the source tree.
    static QString reproductionNotesPath();

private:
    void refresh();

    ScenarioDocument *mDocument;
};

} // namespace cs
