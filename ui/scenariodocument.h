#pragma once

#include "deployment/deployment.h"
#include "policyrun.h"
#include "policyset.h"
#include "policystyle.h"
#include "scenario.h"

#include <QObject>
#include <QString>

#include <optional>
#include <vector>

class QUndoStack;

namespace cs {

class PoolModel;

// What the user works on: a scenario, a model pool, the compared policies and their simulated results.
// Every pool or policy edit re-simulates every policy at once and emits resultsChanged; views redraw from runs().
class ScenarioDocument : public QObject
{
    Q_OBJECT

public:
    explicit ScenarioDocument(QObject *parent = nullptr);
    ~ScenarioDocument() override;

    const Scenario &scenario() const { return mScenario; }
    // A new scenario keeps the pool and policies (and their undo history) and clears the range selection.
    void setScenario(Scenario scenario, const QString &description);
    // Aligns the traces into the scenario (throws InputError where they do not fit) and keeps them, so that an
    // import of one trace can be aligned with the other. Not undoable: for loading (a project, the first scenario).
    void setTraces(TimeSeries carbon, std::optional<TimeSeries> requests, const QString &name);
    // The same as one undoable edit (an import, "Open default scenario"): it marks the document modified.
    // Throws InputError, changing nothing, where the traces do not fit.
    void changeTraces(TimeSeries carbon, std::optional<TimeSeries> requests, const QString &name,
                      const QString &undoText);
    // Back to a fresh window's document: the paper's experiment (openPaperExperiment), no history.
    void resetToDefault();
    // Loads the embedded default scenario with the paper's headline experiment (paperexperiment.h): the ResNet
    // pool, baseline ResNet50, the heuristic's two readings, ResNet101/152 and the optimum at the heuristic's
    // error. Not an edit: the history is cleared. Throws InputError where the embedded traces cannot be read.
    void openPaperExperiment();
    const TimeSeries &carbonTrace() const { return mCarbon; }
    const std::optional<TimeSeries> &requestTrace() const { return mRequests; }
    // One line for the user: where the data came from, how it was aligned, gaps.
    const QString &description() const { return mDescription; }

    PoolModel *poolModel() const { return mPoolModel; }
    const ModelPool &pool() const;
    QUndoStack *undoStack() const { return mUndoStack; }

    const PolicySet &policies() const { return mPolicies; }
    // Undoable edits of the policy set.
    void addPolicy(const std::string &spec);
    void removePolicy(const std::string &spec);
    void setBaseline(const std::string &spec);
    void setAllowedModels(const std::string &spec, std::vector<std::string> models);
    // A policy's colour over its palette colour, as one undoable edit; an invalid colour goes back to the palette.
    void setPolicyColour(const std::string &spec, const QColor &colour);
    // How a policy is drawn (its slot's style and the colour the user chose); `dark` for a dark plot background.
    PolicyStyle policyStyle(const std::string &spec, bool dark = false) const;
    // For ChangePolicies only: installs `policies`, re-simulates and returns the previous set.
    PolicySet replacePolicies(PolicySet policies);

    // The traces and the scenario aligned from them, swapped whole by ChangeTraces.
    struct Traces
    {
        TimeSeries carbon;
        std::optional<TimeSeries> requests;
        Scenario scenario;
        QString description;
    };
    // For ChangeTraces only: installs `traces`, re-simulates and hands back the previous ones in `traces`.
    void swapTraces(Traces &traces);

    // What the deployment emits besides the GPUs' work, and whether the policies decide on the forecast while CO₂
    // is accounted on the actual (issue #16; Edit ▸ Deployment…). A setting of this app (QSettings), not of
    // the project: it describes the machines, as the currency does. Re-simulates.
    const Deployment &deployment() const { return mDeployment; }
    bool decidesOnForecast() const { return mDecideOnForecast; }
    void setAccounting(const Deployment &deployment, bool decideOnForecast);

    const std::vector<PolicyRun> &runs() const { return mRuns; }
    int baselineRun() const; // index into runs(), -1 when the baseline did not run

    // Totals restricted to intervals starting in [from, to); views show the range.
    void setTotalsRange(UtcSeconds from, UtcSeconds to);
    void clearTotalsRange();
    const std::optional<std::pair<UtcSeconds, UtcSeconds>> &totalsRange() const { return mRange; }

    // Milliseconds the last full re-simulation took (shown in the status bar; bench/gui measures it too).
    double lastSimulationMs() const { return mLastSimulationMs; }

    // The pool models `entry` may use, as a pool of their own, and the map back to full-pool indices.
    static ModelPool restrictPool(const ModelPool &pool, const PolicyEntry &entry, std::vector<int> *toFull);

public Q_SLOTS:
    void resimulate();

Q_SIGNALS:
    void scenarioChanged();
    void resultsChanged();  // runs() hold new results (pool, policy or scenario edit)
    void totalsChanged();   // range or baseline totals changed (also after resultsChanged)

private:
    void onModelRenamed(const QString &oldName, const QString &newName);
    void onModelInserted(const QString &name);
    void syncPolicies();
    void computeRangeTotals();
    PolicyRun runPolicy(const PolicyEntry &entry) const;

    Scenario mScenario;
    TimeSeries mCarbon;
    std::optional<TimeSeries> mRequests;
    QString mDescription;
    QUndoStack *mUndoStack;
    PoolModel *mPoolModel;
    PolicySet mPolicies;
    std::vector<PolicyRun> mRuns;
    std::optional<std::pair<UtcSeconds, UtcSeconds>> mRange;
    Deployment mDeployment;
    bool mDecideOnForecast = false;
    std::optional<Scenario> mDecision; // the scenario the policies decide on, where it is not mScenario
    double mLastSimulationMs = 0;
};

} // namespace cs
