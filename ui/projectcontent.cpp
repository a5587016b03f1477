#include "projectcontent.h"

#include "parse_error.h"
#include "policystylestore.h"
#include "project_store.h"
#include "scenariodocument.h"
#include "statement.h"
#include "transaction.h"

namespace cs {

namespace {

const char *const ScenarioName = "current";
const char *const PoliciesTable = "ui_policies";

// Allowed models are joined by newlines: a model name is one line of the pool editor.
std::string joinModels(const std::vector<std::string> &models)
{
    std::string out;
    for (const std::string &m : models)
        out += (out.empty() ? "" : "\n") + m;
    return out;
}

std::vector<std::string> splitModels(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

void writePolicies(Database &db, const PolicySet &set)
{
    Transaction tx(db);
    db.exec(std::string("CREATE TABLE IF NOT EXISTS ") + PoliciesTable
            + " (position INTEGER PRIMARY KEY, spec TEXT NOT NULL UNIQUE, allowed_models TEXT NOT NULL DEFAULT '',"
              " baseline INTEGER NOT NULL DEFAULT 0);"
            + "DELETE FROM " + PoliciesTable + ";");
    Statement insert = db.prepare(std::string("INSERT INTO ") + PoliciesTable
                                  + " (position, spec, allowed_models, baseline) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < set.entries.size(); ++i) {
        const PolicyEntry &e = set.entries[i];
        insert.bind(1, static_cast<std::int64_t>(i)).bind(2, e.spec).bind(3, joinModels(e.allowedModels));
        insert.bind(4, e.spec == set.baseline ? 1 : 0).run();
    }
    writePolicyStyles(db, set); // each policy's style slot and chosen colour (#15)
    tx.commit();
}

std::optional<PolicySet> readPolicies(Database &db)
{
    Statement exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    exists.bind(1, PoliciesTable);
    if (!exists.step())
        return std::nullopt;
    PolicySet set;
    Statement rows = db.prepare(std::string("SELECT spec, allowed_models, baseline FROM ") + PoliciesTable
                                + " ORDER BY position");
    while (rows.step()) {
        set.entries.push_back({rows.columnText(0), splitModels(rows.columnText(1))});
        if (rows.columnInt64(2) != 0)
            set.baseline = set.entries.back().spec;
    }
    if (set.entries.empty())
        return std::nullopt;
    if (set.baseline.empty())
        set.baseline = set.entries.front().spec;
    readPolicyStyles(db, &set);
    return set;
}

} // namespace

ProjectContent readProjectContent(ProjectStore &store)
{
    std::vector<ScenarioSpec> scenarios = store.listScenarios();
    if (scenarios.empty())
        throw InputError(store.path() + ": the project has no scenario");
    ScenarioSpec spec = scenarios.back();
    for (const ScenarioSpec &s : scenarios)
        if (s.name == ScenarioName)
            spec = s;
    ProjectContent content;
    content.carbon = store.loadCarbonSeries(spec.carbonSeries);
    if (!spec.requestSeries.empty())
        content.requests = store.loadRequestSeries(spec.requestSeries);
    content.pool = store.loadPool(spec.pool);
    content.policies = readPolicies(store.database());
    return content;
}

void writeProjectContent(ProjectStore &store, const ScenarioDocument &document)
{
    // One transaction for the whole document: a crash or an error mid-save leaves the project as it was.
    Transaction tx(store.database());
    TimeSeries carbon = document.carbonTrace();
    if (carbon.name.empty())
        carbon.name = "carbon";
    store.saveCarbonSeries(carbon, {}, true);
    ScenarioSpec spec;
    spec.name = ScenarioName;
    spec.carbonSeries = carbon.name;
    if (document.requestTrace()) {
        TimeSeries requests = *document.requestTrace();
        if (requests.name.empty())
            requests.name = "requests";
        store.saveRequestSeries(requests, true);
        spec.requestSeries = requests.name;
    }
    ModelPool pool = document.pool();
    if (pool.name.empty())
        pool.name = "pool";
    store.savePool(pool, true);
    spec.pool = pool.name;
    store.saveScenario(spec, true);
    writePolicies(store.database(), document.policies());
    tx.commit();
}

} // namespace cs
