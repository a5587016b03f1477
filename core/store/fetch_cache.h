#pragma once

#include "store_types.h"

#include <string>
#include <vector>

namespace cs {

class Database;

// What a download has fetched, kept in the project so that nothing is fetched twice and an interrupted download
// resumes (core/fetch). Per source ("ukci") and target ("regionid/1", a zone): the spans fetched, and their
// points. Each span is stored with its points in one transaction, the moment its answer is read: a crash or a
// kill loses at most the request in flight.
//
// The two tables are made on first use (CREATE TABLE IF NOT EXISTS) rather than by a schema step: projects of
// schema 2 opened by an older CarbonScope stay readable, and a project that never downloads has none.
class FetchCache
{
public:
    struct Span
    {
        UtcSeconds from = 0;
        UtcSeconds to = 0;
    };

    // Creates the tables where missing. Throws StoreError.
    explicit FetchCache(Database &db);

    std::vector<Span> spans(const std::string &source, const std::string &target);
    // Stores a fetched span and its points (each within [from, to); a point already held for that time is
    // replaced). `origin` (the URL, never a secret) is kept for provenance.
    void store(const std::string &source, const std::string &target, Span span,
               const std::vector<CarbonPoint> &points, const std::string &origin);
    // The points held for [from, to), in time order.
    std::vector<CarbonPoint> points(const std::string &source, const std::string &target, UtcSeconds from,
                                    UtcSeconds to);

private:
    Database &mDb;
};

} // namespace cs
