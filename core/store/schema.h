#pragma once

namespace cs {

class Database;

// The project file's schema: its version lives in PRAGMA user_version, and PRAGMA application_id marks the
// file as CarbonScope's. Each forward step runs in one transaction, so a failed migration changes nothing.
//   0: an empty file (a new project)
//   1: series, points (actual and forecast apart), pools, models, scenarios
//   2: provenance on series; simulation runs with per-interval results; live sessions with live intervals
class Schema
{
public:
    static constexpr int currentVersion = 2;
    static constexpr int applicationId = 0x43534442; // "CSDB"

    // Brings `db` to currentVersion. The version is read inside the migration's write transaction, so that two
    // processes opening one new or old project at once migrate it once.
    static void migrate(Database &db);

private:
    static void createVersion1(Database &db);
    static void upgrade1To2(Database &db);
};

} // namespace cs
