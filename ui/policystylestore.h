#pragma once

#include "policyset.h"

namespace cs {

class Database;

// The policies' style slots and chosen colours in a project, in the GUI's own key/value table ui_policy_styles
// (spec → slot, colour): projects from before the table open with slots given in order and palette colours.
void writePolicyStyles(Database &db, const PolicySet &set);
void readPolicyStyles(Database &db, PolicySet *set);

} // namespace cs
