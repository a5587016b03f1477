#include "fetch_cache.h"

#include "database.h"
#include "statement.h"
#include "store_error.h"
#include "transaction.h"

namespace cs {

FetchCache::FetchCache(Database &db)
    : mDb(db)
{
    mDb.exec(R"sql(
CREATE TABLE IF NOT EXISTS fetch_spans (
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    from_t INTEGER NOT NULL,
    to_t INTEGER NOT NULL CHECK (to_t > from_t),
    origin TEXT NOT NULL DEFAULT '',
    fetched_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (source, target, from_t)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fetch_points (
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    t INTEGER NOT NULL,
    actual REAL,
    forecast REAL,
    PRIMARY KEY (source, target, t)
) WITHOUT ROWID;
)sql");
}

std::vector<FetchCache::Span> FetchCache::spans(const std::string &source, const std::string &target)
{
    Statement q(mDb, "SELECT from_t, to_t FROM fetch_spans WHERE source = ?1 AND target = ?2 ORDER BY from_t");
    q.bind(1, source).bind(2, target);
    std::vector<Span> result;
    while (q.step())
        result.push_back({q.columnInt64(0), q.columnInt64(1)});
    return result;
}

void FetchCache::store(const std::string &source, const std::string &target, Span span,
                       const std::vector<CarbonPoint> &points, const std::string &origin)
{
    Transaction tx(mDb);
    Statement insertPoint(mDb, "INSERT OR REPLACE INTO fetch_points (source, target, t, actual, forecast) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const CarbonPoint &p : points) {
        if (p.time < span.from || p.time >= span.to)
            throw StoreError(mDb.path() + ": a fetched point lies outside its span");
        insertPoint.bind(1, source).bind(2, target).bind(3, std::int64_t(p.time));
        insertPoint.bind(4, p.actual).bind(5, p.forecast);
        insertPoint.run();
    }
    Statement insertSpan(mDb, "INSERT INTO fetch_spans (source, target, from_t, to_t, origin) VALUES (?1, ?2, ?3, ?4, ?5)");
    insertSpan.bind(1, source).bind(2, target).bind(3, std::int64_t(span.from)).bind(4, std::int64_t(span.to));
    insertSpan.bind(5, origin);
    insertSpan.run();
    tx.commit();
}

std::vector<CarbonPoint> FetchCache::points(const std::string &source, const std::string &target, UtcSeconds from,
                                            UtcSeconds to)
{
    Statement q(mDb, "SELECT t, actual, forecast FROM fetch_points WHERE source = ?1 AND target = ?2 "
                     "AND t >= ?3 AND t < ?4 ORDER BY t");
    q.bind(1, source).bind(2, target).bind(3, std::int64_t(from)).bind(4, std::int64_t(to));
    std::vector<CarbonPoint> result;
    while (q.step())
        result.push_back({q.columnInt64(0), q.columnOptionalDouble(1), q.columnOptionalDouble(2)});
    return result;
}

} // namespace cs
