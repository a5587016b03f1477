#include "schema.h"

#include "database.h"
#include "transaction.h"

#include <string>

namespace cs {

void Schema::createVersion1(Database &db)
{
    db.exec(R"sql(
CREATE TABLE carbon_series (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    region TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT 'gCO2/kWh',
    interval_s INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE carbon_points (
    series_id INTEGER NOT NULL REFERENCES carbon_series(id) ON DELETE CASCADE,
    t INTEGER NOT NULL,
    actual REAL,
    forecast REAL,
    PRIMARY KEY (series_id, t)
) WITHOUT ROWID;
CREATE TABLE request_series (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT 'requests',
    interval_s INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE request_points (
    series_id INTEGER NOT NULL REFERENCES request_series(id) ON DELETE CASCADE,
    t INTEGER NOT NULL,
    count REAL NOT NULL,
    PRIMARY KEY (series_id, t)
) WITHOUT ROWID;
CREATE TABLE pools (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE models (
    pool_id INTEGER NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    energy_mj REAL NOT NULL,
    error_pct REAL NOT NULL,
    latency_ms REAL,
    throughput_per_s REAL,
    source TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (pool_id, position),
    UNIQUE (pool_id, name)
);
CREATE TABLE scenarios (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    carbon_series_id INTEGER NOT NULL REFERENCES carbon_series(id),
    request_series_id INTEGER REFERENCES request_series(id),
    pool_id INTEGER NOT NULL REFERENCES pools(id),
    from_t INTEGER,
    to_t INTEGER
);
)sql");
}

void Schema::upgrade1To2(Database &db)
{
    db.exec(R"sql(
ALTER TABLE carbon_series ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
ALTER TABLE request_series ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    scenario_id INTEGER REFERENCES scenarios(id) ON DELETE SET NULL,
    scenario_name TEXT NOT NULL DEFAULT '',
    pool_name TEXT NOT NULL DEFAULT '',
    policy_spec TEXT NOT NULL,
    policy_label TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    co2_g REAL NOT NULL,
    energy_kwh REAL NOT NULL,
    error_pct REAL NOT NULL,
    requests REAL NOT NULL,
    intervals INTEGER NOT NULL
);
CREATE TABLE run_intervals (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    t INTEGER NOT NULL,
    intensity REAL NOT NULL,
    requests REAL NOT NULL,
    model TEXT NOT NULL,
    energy_kwh REAL NOT NULL,
    co2_g REAL NOT NULL,
    cumulative_co2_g REAL NOT NULL,
    error_pct REAL NOT NULL,
    PRIMARY KEY (run_id, idx)
) WITHOUT ROWID;
CREATE TABLE live_sessions (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL DEFAULT '',
    device TEXT NOT NULL DEFAULT '',
    policy_spec TEXT NOT NULL DEFAULT '',
    pool_name TEXT NOT NULL DEFAULT '',
    carbon_source TEXT NOT NULL DEFAULT '',
    interval_s INTEGER NOT NULL DEFAULT 0,
    started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ended_at TEXT
);
CREATE TABLE live_intervals (
    session_id INTEGER NOT NULL REFERENCES live_sessions(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    t INTEGER NOT NULL,
    intensity REAL NOT NULL,
    model TEXT NOT NULL,
    served INTEGER NOT NULL,
    dropped INTEGER NOT NULL,
    energy_j REAL,
    co2_g REAL,
    latency_p50_ms REAL,
    latency_p99_ms REAL,
    mean_power_w REAL,
    predicted_co2_g REAL,
    PRIMARY KEY (session_id, idx)
) WITHOUT ROWID;
)sql");
}

void Schema::migrate(Database &db)
{
    if (db.scalar("PRAGMA user_version") >= currentVersion)
        return;
    Transaction tx(db);
    const long long fromVersion = db.scalar("PRAGMA user_version");
    if (fromVersion >= currentVersion)
        return; // another process did it meanwhile
    if (fromVersion < 1) {
        db.exec("PRAGMA application_id = " + std::to_string(applicationId));
        createVersion1(db);
    }
    if (fromVersion < 2)
        upgrade1To2(db);
    db.exec("PRAGMA user_version = " + std::to_string(currentVersion));
    tx.commit();
}

} // namespace cs
