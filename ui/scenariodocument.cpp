#include "scenariodocument.h"

#include "changepolicies.h"
#include "changetraces.h"
#include "deployment/decision_signal.h"
#include "paperexperiment.h"
#include "parse_error.h"
#include "policy_factory.h"
#include "poolmodel.h"
#include "scenarioloader.h"

#include <QElapsedTimer>
#include <QUndoStack>

#include <algorithm>

namespace cs {

namespace {

// The baseline the paper measures against where the pool has it, else the first single-model policy.
std::string defaultBaseline(const PolicySet &set)
{
    if (set.indexOf("model:ResNet50") >= 0)
        return "model:ResNet50";
    for (const PolicyEntry &e : set.entries)
        if (e.spec.rfind("model:", 0) == 0)
            return e.spec;
    return set.entries.empty() ? std::string() : set.entries.front().spec;
}

} // namespace

ScenarioDocument::ScenarioDocument(QObject *parent)
    : QObject(parent), mUndoStack(new QUndoStack(this)), mPoolModel(new PoolModel(mUndoStack, this))
{
    for (const std::string &spec : standardPolicySpecs(mPoolModel->pool()))
        mPolicies.entries.push_back({spec, {}});
    mPolicies.baseline = defaultBaseline(mPolicies);

    connect(mPoolModel, &PoolModel::modelRenamed, this, &ScenarioDocument::onModelRenamed);
    connect(mPoolModel, &PoolModel::modelInserted, this, &ScenarioDocument::onModelInserted);
    connect(mPoolModel, &PoolModel::poolReplaced, this, [this] {
        // A new pool brings its own single-model baselines; user-added policies stay.
        // Policies kept keep their style slot and colour, so their look does not move with the pool.
        PolicySet set;
        for (const std::string &spec : standardPolicySpecs(pool())) {
            const int old = mPolicies.indexOf(spec);
            PolicyEntry entry{spec, {}};
            if (old >= 0) {
                entry.styleSlot = mPolicies.entries[static_cast<std::size_t>(old)].styleSlot;
                entry.colour = mPolicies.entries[static_cast<std::size_t>(old)].colour;
            }
            set.entries.push_back(std::move(entry));
        }
        for (const PolicyEntry &e : mPolicies.entries)
            if (set.indexOf(e.spec) < 0 && e.spec.rfind("model:", 0) != 0)
                set.entries.push_back(e);
        set.baseline = set.indexOf(mPolicies.baseline) >= 0 ? mPolicies.baseline : defaultBaseline(set);
        mPolicies = std::move(set);
    });
    connect(mPoolModel, &PoolModel::poolEdited, this, [this] {
        syncPolicies();
        resimulate();
    });
}

ScenarioDocument::~ScenarioDocument() = default;

const ModelPool &ScenarioDocument::pool() const
{
    return mPoolModel->pool();
}

void ScenarioDocument::setScenario(Scenario scenario, const QString &description)
{
    mScenario = std::move(scenario);
    mDescription = description;
    mRange.reset();
    Q_EMIT scenarioChanged();
    resimulate();
}

void ScenarioDocument::setTraces(TimeSeries carbon, std::optional<TimeSeries> requests, const QString &name)
{
    LoadedScenario loaded = makeScenario(carbon, requests, name);
    mCarbon = std::move(carbon);
    mRequests = std::move(requests);
    setScenario(std::move(loaded.scenario), loaded.description);
}

void ScenarioDocument::changeTraces(TimeSeries carbon, std::optional<TimeSeries> requests, const QString &name,
                                    const QString &undoText)
{
    LoadedScenario loaded = makeScenario(carbon, requests, name); // throws before anything changes
    Traces traces{std::move(carbon), std::move(requests), std::move(loaded.scenario), loaded.description};
    mUndoStack->push(new ChangeTraces(this, std::move(traces), undoText));
}

void ScenarioDocument::swapTraces(Traces &traces)
{
    std::swap(mCarbon, traces.carbon);
    std::swap(mRequests, traces.requests);
    std::swap(mScenario, traces.scenario);
    std::swap(mDescription, traces.description);
    mRange.reset();
    Q_EMIT scenarioChanged();
    resimulate();
}

void ScenarioDocument::resetToDefault()
{
    openPaperExperiment();
}

void ScenarioDocument::openPaperExperiment()
{
    TimeSeries carbon = defaultCarbonTrace();
    std::optional<TimeSeries> requests = defaultRequestTrace();
    const LoadedScenario loaded = makeScenario(carbon, requests, defaultScenarioName()); // throws before changes
    mUndoStack->clear();
    mPoolModel->replacePool(resnetPool());
    mPolicies = paperExperimentPolicies(loaded.scenario, pool());
    mCarbon = std::move(carbon);
    mRequests = std::move(requests);
    setScenario(loaded.scenario, loaded.description);
    mUndoStack->clear();
}

void ScenarioDocument::setPolicyColour(const std::string &spec, const QColor &colour)
{
    const int i = mPolicies.indexOf(spec);
    const std::string name = colour.isValid() ? colour.name().toStdString() : std::string();
    if (i < 0 || mPolicies.entries[static_cast<std::size_t>(i)].colour == name)
        return;
    PolicySet set = mPolicies;
    set.entries[static_cast<std::size_t>(i)].colour = name;
    mUndoStack->push(new ChangePolicies(this, std::move(set), tr("Colour of %1").arg(QString::fromStdString(spec))));
}

PolicyStyle ScenarioDocument::policyStyle(const std::string &spec, bool dark) const
{
    const int i = mPolicies.indexOf(spec);
    if (i < 0)
        return styleForSlot(0, dark);
    const PolicyEntry &e = mPolicies.entries[static_cast<std::size_t>(i)];
    return cs::policyStyle(e.styleSlot, e.colour, dark);
}

void ScenarioDocument::onModelRenamed(const QString &oldName, const QString &newName)
{
    const std::string from = oldName.toStdString();
    const std::string to = newName.toStdString();
    for (PolicyEntry &e : mPolicies.entries) {
        e.spec = renameModelInSpec(e.spec, from, to);
        std::replace(e.allowedModels.begin(), e.allowedModels.end(), from, to);
    }
    mPolicies.baseline = renameModelInSpec(mPolicies.baseline, from, to);
}

void ScenarioDocument::onModelInserted(const QString &name)
{
    const std::string spec = "model:" + name.toStdString();
    if (mPolicies.indexOf(spec) < 0)
        mPolicies.entries.push_back({spec, {}});
}

// Single-model policies follow the pool: one whose model left the pool leaves the comparison.
void ScenarioDocument::syncPolicies()
{
    auto &entries = mPolicies.entries;
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [this](const PolicyEntry &e) {
                                     return e.spec.rfind("model:", 0) == 0 && pool().indexOf(e.spec.substr(6)) < 0;
                                 }),
                  entries.end());
    for (PolicyEntry &e : entries)
        e.allowedModels.erase(std::remove_if(e.allowedModels.begin(), e.allowedModels.end(),
                                             [this](const std::string &m) { return pool().indexOf(m) < 0; }),
                              e.allowedModels.end());
    if (mPolicies.indexOf(mPolicies.baseline) < 0)
        mPolicies.baseline = defaultBaseline(mPolicies);
}

void ScenarioDocument::addPolicy(const std::string &spec)
{
    if (mPolicies.indexOf(spec) >= 0)
        return;
    PolicySet set = mPolicies;
    set.entries.push_back({spec, {}});
    mUndoStack->push(new ChangePolicies(this, std::move(set), tr("Add policy %1").arg(QString::fromStdString(spec))));
}

void ScenarioDocument::removePolicy(const std::string &spec)
{
    const int i = mPolicies.indexOf(spec);
    if (i < 0)
        return;
    PolicySet set = mPolicies;
    set.entries.erase(set.entries.begin() + i);
    if (set.baseline == spec)
        set.baseline = defaultBaseline(set);
    mUndoStack->push(new ChangePolicies(this, std::move(set), tr("Remove policy %1").arg(QString::fromStdString(spec))));
}

void ScenarioDocument::setBaseline(const std::string &spec)
{
    if (spec == mPolicies.baseline || mPolicies.indexOf(spec) < 0)
        return;
    PolicySet set = mPolicies;
    set.baseline = spec;
    mUndoStack->push(new ChangePolicies(this, std::move(set), tr("Baseline %1").arg(QString::fromStdString(spec))));
}

void ScenarioDocument::setAllowedModels(const std::string &spec, std::vector<std::string> models)
{
    const int i = mPolicies.indexOf(spec);
    if (i < 0)
        return;
    // Every model allowed is the same as no restriction; store it as such so the pool can grow.
    if (static_cast<int>(models.size()) == pool().size())
        models.clear();
    if (mPolicies.entries[i].allowedModels == models)
        return;
    PolicySet set = mPolicies;
    set.entries[i].allowedModels = std::move(models);
    mUndoStack->push(new ChangePolicies(this, std::move(set),
                                        tr("Models of %1").arg(QString::fromStdString(spec))));
}

PolicySet ScenarioDocument::replacePolicies(PolicySet policies)
{
    std::swap(mPolicies, policies);
    resimulate();
    return policies;
}

ModelPool ScenarioDocument::restrictPool(const ModelPool &pool, const PolicyEntry &entry, std::vector<int> *toFull)
{
    ModelPool sub;
    sub.name = pool.name;
    toFull->clear();
    for (int i = 0; i < pool.size(); ++i) {
        const auto &allowed = entry.allowedModels;
        if (allowed.empty() || std::find(allowed.begin(), allowed.end(), pool.at(i).name) != allowed.end()) {
            sub.models.push_back(pool.at(i));
            toFull->push_back(i);
        }
    }
    return sub;
}

PolicyRun ScenarioDocument::runPolicy(const PolicyEntry &entry) const
{
    PolicyRun run;
    run.spec = entry.spec;
    run.label = entry.spec;
    try {
        const PolicyPtr policy = makePolicy(entry.spec);
        run.label = policy->label();
        if (mScenario.empty())
            throw InputError("the scenario has no intervals");
        if (entry.allowedModels.empty()) {
            run.result = simulate(mScenario, pool(), policy->assign(mDecision ? *mDecision : mScenario, pool()),
                                  mDeployment);
        } else {
            // The policy sees only the models it may use; its choices are mapped back onto the whole pool.
            std::vector<int> toFull;
            const ModelPool sub = restrictPool(pool(), entry, &toFull);
            if (sub.models.empty())
                throw InputError("no model is allowed for this policy");
            Assignment a = policy->assign(mDecision ? *mDecision : mScenario, sub);
            for (Choice &c : a) {
                c.model = c.model >= 0 ? toFull.at(static_cast<std::size_t>(c.model)) : -1;
                c.alt = c.alt >= 0 ? toFull.at(static_cast<std::size_t>(c.alt)) : -1;
            }
            run.result = simulate(mScenario, pool(), a, mDeployment);
            run.label += " [" + std::to_string(sub.models.size()) + " models]";
        }
        run.result.policySpec = run.spec;
        run.result.policyLabel = run.label;
    } catch (const std::exception &e) {
        run.error = e.what();
    }
    return run;
}

void ScenarioDocument::setAccounting(const Deployment &deployment, bool decideOnForecast)
{
    deployment.validate();
    mDeployment = deployment;
    mDecideOnForecast = decideOnForecast;
    resimulate();
}

void ScenarioDocument::resimulate()
{
    mDecision.reset();
    if (mDecideOnForecast && mScenario.forecast.size() == mScenario.size() && !mScenario.empty())
        mDecision = decisionScenario(mScenario, DecisionSignal::Forecast);
    QElapsedTimer timer;
    timer.start();
    assignStyleSlots(mPolicies);
    mRuns.clear();
    mRuns.reserve(mPolicies.entries.size());
    for (const PolicyEntry &entry : mPolicies.entries)
        mRuns.push_back(runPolicy(entry));
    computeRangeTotals();
    mLastSimulationMs = timer.nsecsElapsed() / 1e6;
    Q_EMIT resultsChanged();
    Q_EMIT totalsChanged();
}

int ScenarioDocument::baselineRun() const
{
    for (std::size_t i = 0; i < mRuns.size(); ++i)
        if (mRuns[i].spec == mPolicies.baseline && mRuns[i].ok())
            return static_cast<int>(i);
    return -1;
}

void ScenarioDocument::setTotalsRange(UtcSeconds from, UtcSeconds to)
{
    if (to <= from)
        return;
    mRange = std::make_pair(from, to);
    computeRangeTotals();
    Q_EMIT totalsChanged();
}

void ScenarioDocument::clearTotalsRange()
{
    if (!mRange)
        return;
    mRange.reset();
    computeRangeTotals();
    Q_EMIT totalsChanged();
}

void ScenarioDocument::computeRangeTotals()
{
    // The range re-prices each policy's own choices over the slice: same assignment, fewer intervals.
    std::optional<Scenario> slice;
    std::size_t first = 0;
    if (mRange) {
        slice = sliceScenario(mScenario, mRange->first, mRange->second);
        first = static_cast<std::size_t>(
            std::lower_bound(mScenario.times.begin(), mScenario.times.end(), mRange->first) - mScenario.times.begin());
    }
    for (PolicyRun &run : mRuns) {
        if (!run.ok())
            continue;
        if (!slice) {
            run.rangeTotals = run.result.totals;
            continue;
        }
        if (slice->empty()) {
            run.rangeTotals = Totals{};
            run.rangeTotals.modelShare.assign(static_cast<std::size_t>(pool().size()), 0.0);
            continue;
        }
        const auto begin = run.result.assignment.begin() + static_cast<std::ptrdiff_t>(first);
        const Assignment part(begin, begin + static_cast<std::ptrdiff_t>(slice->size()));
        run.rangeTotals = simulate(*slice, pool(), part, mDeployment).totals;
    }
    const int b = baselineRun();
    const std::string baseName = b >= 0 ? mRuns[static_cast<std::size_t>(b)].label : std::string();
    for (PolicyRun &run : mRuns) {
        if (!run.ok() || b < 0)
            continue;
        const PolicyRun &base = mRuns[static_cast<std::size_t>(b)];
        run.vsBaseline = compareToBaseline(run.result.totals, base.result.totals, baseName);
        run.rangeVsBaseline = compareToBaseline(run.rangeTotals, base.rangeTotals, baseName);
    }
}

} // namespace cs
