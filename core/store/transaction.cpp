#include "transaction.h"

#include "database.h"

#include <sqlite3.h>

#include <string>

namespace cs {

// Inside another transaction a Transaction is a savepoint: the outer one decides whether anything is kept, so
// a caller can make several store calls (each with its own Transaction) one atomic change.
Transaction::Transaction(Database &db)
    : mDb(db)
    , mNested(sqlite3_get_autocommit(db.handle()) == 0)
{
    // IMMEDIATE takes the write lock now, so a concurrent writer fails here rather than halfway through.
    mDb.exec(mNested ? "SAVEPOINT cs_nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (mOpen)
        sqlite3_exec(mDb.handle(), mNested ? "ROLLBACK TO cs_nested; RELEASE cs_nested" : "ROLLBACK", nullptr,
                     nullptr, nullptr);
}

void Transaction::commit()
{
    mDb.exec(mNested ? "RELEASE cs_nested" : "COMMIT");
    mOpen = false;
}

void Transaction::rollback()
{
    if (mOpen) {
        mOpen = false;
        mDb.exec(mNested ? "ROLLBACK TO cs_nested; RELEASE cs_nested" : "ROLLBACK");
    }
}

} // namespace cs
