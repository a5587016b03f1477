#pragma once

namespace cs {

class Database;

// BEGIN IMMEDIATE ... COMMIT, rolled back by the destructor unless committed: any exception (a parse error,
// a cancel) leaves the database exactly as it was. Opened inside another transaction it is a savepoint, so
// several store calls under one outer Transaction are one atomic change.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();
    void rollback();

private:
    Database &mDb;
    bool mNested;
    bool mOpen = true;
};

} // namespace cs
