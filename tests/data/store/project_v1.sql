-- A CarbonScope project as schema version 1 wrote it (frozen: never edit; the migration test opens it).
PRAGMA application_id = 1129530434;
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
-- South West England, 2023-06-01 00:00..01:00 UTC (1685577600 = 2023-06-01T00:00Z), first rows of the NESO file.
INSERT INTO carbon_series (id, name, region, source, unit, interval_s, created_at)
    VALUES (1, 'sw', 'South West England', 'NESO', 'gCO2/kWh', 1800, '2026-01-01T00:00:00Z');
INSERT INTO carbon_points VALUES (1, 1685577600, 357.0, NULL), (1, 1685579400, 358.0, 350.0), (1, 1685581200, 352.0, NULL);
INSERT INTO request_series (id, name, source, unit, interval_s) VALUES (1, 'wiki', 'Wikipedia', 'requests', 3600);
INSERT INTO request_points VALUES (1, 1685577600, 100.0), (1, 1685581200, 300.0);
INSERT INTO pools (id, name) VALUES (1, 'two');
INSERT INTO models VALUES (1, 0, 'Small', 100.0, 20.0, NULL, NULL, 'test'), (1, 1, 'Big', 400.0, 5.0, 2.5, NULL, 'test');
INSERT INTO scenarios VALUES (1, 'june', 1, 1, 1, NULL, NULL);
PRAGMA user_version = 1;
