#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace cs {

class ParetoPlot;
class PolicyTable;
class ScenarioDocument;

// The Compare tab: any number of policies side by side (sortable totals against a baseline chosen from the
// table), a field to add a policy by its spec, and the Pareto plot of CO2 against error.
class CompareTab : public QWidget
{
    Q_OBJECT

public:
    explicit CompareTab(ScenarioDocument *document, QWidget *parent = nullptr);

    PolicyTable *table() const { return mTable; }
    ParetoPlot *pareto() const { return mPareto; }
    // Adds the spec typed or chosen in the policy field; false (with the reason shown) when it is not valid.
    bool addPolicy(const QString &spec);

private:
    void refreshBaselines();

    ScenarioDocument *mDocument;
    PolicyTable *mTable;
    ParetoPlot *mPareto;
    QComboBox *mSpec;
    QComboBox *mBaseline;
    QLabel *mMessage;
};

} // namespace cs
