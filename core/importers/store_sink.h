#pragma once

#include "import_sink.h"

namespace cs {

class Database;

// Streams each series into a project through the store's SeriesWriter (nothing held in memory). The caller owns
// the transaction (ImportRunner::importFile), so a failed import leaves the project as it was.
class StoreSink : public ImportSink
{
public:
    explicit StoreSink(Database &db) : mDb(db) {}
    std::unique_ptr<SeriesSink> newSeries(SeriesKind kind, SeriesMeta meta, bool replace) override;

private:
    Database &mDb;
};

} // namespace cs
