#include "transaction.h"

#include "database.h"

#include <sqlite3.h>

namespace cs {

Transaction::Transaction(Database &db)
    : mDb(db)
{
    // IMMEDIATE takes the write lock now, so a concurrent writer fails here rather than halfway through.
    mDb.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (mOpen)
        sqlite3_exec(mDb.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    mDb.exec("COMMIT");
    mOpen = false;
}

void Transaction::rollback()
{
    if (mOpen) {
        mOpen = false;
        mDb.exec("ROLLBACK");
    }
}

} // namespace cs
