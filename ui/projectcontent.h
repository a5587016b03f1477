#pragma once

#include "model_pool.h"
#include "policyset.h"
#include "time_series.h"

#include <optional>

namespace cs {

class ProjectStore;
class ScenarioDocument;

// What the GUI keeps in a project file: the scenario "current" (its two traces and its pool) and the compared
// policies with the baseline, in a table of the GUI's own (ui_policies; the store has no place for them).
struct ProjectContent
{
    TimeSeries carbon;
    std::optional<TimeSeries> requests;
    ModelPool pool;
    std::optional<PolicySet> policies; // empty where the project predates the table or was written by the CLI
};

// Both throw the store's errors (StoreError, InputError) naming the file.
ProjectContent readProjectContent(ProjectStore &store);
void writeProjectContent(ProjectStore &store, const ScenarioDocument &document);

} // namespace cs
