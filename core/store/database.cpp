#include "database.h"

#include "statement.h"
#include "store_error.h"

#include <sqlite3.h>

#include <utility>

namespace cs {

Database::Database(const std::string &path, Mode mode)
    : mPath(path)
{
    int flags = SQLITE_OPEN_FULLMUTEX;
    switch (mode) {
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    // Paths are UTF-8 bytes, passed through unchanged (spaces and non-ASCII names work as they are).
    const int rc = sqlite3_open_v2(path.c_str(), &mDb, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = mDb ? sqlite3_errmsg(mDb) : sqlite3_errstr(rc);
        close();
        throw StoreError(path + ": cannot open: " + message);
    }
    sqlite3_extended_result_codes(mDb, 1);
    // Another connection (the live session's reader, the GUI) may hold the write lock for a moment.
    sqlite3_busy_timeout(mDb, 5000);
}

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : mDb(std::exchange(other.mDb, nullptr))
    , mPath(std::move(other.mPath))
{}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        mDb = std::exchange(other.mDb, nullptr);
        mPath = std::move(other.mPath);
    }
    return *this;
}

void Database::close()
{
    if (mDb) {
        sqlite3_close_v2(mDb);
        mDb = nullptr;
    }
}

void Database::exec(const std::string &sql)
{
    char *error = nullptr;
    if (sqlite3_exec(mDb, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errmsg(mDb);
        sqlite3_free(error);
        throw StoreError(mPath + ": " + message);
    }
}

Statement Database::prepare(const std::string &sql)
{
    return Statement(*this, sql);
}

long long Database::scalar(const std::string &sql)
{
    Statement s = prepare(sql);
    if (!s.step())
        return 0;
    return s.columnInt64(0);
}

std::optional<long long> Database::idByName(const std::string &table, const std::string &name)
{
    Statement find = prepare("SELECT id FROM " + table + " WHERE name = ?");
    find.bind(1, name);
    if (!find.step())
        return std::nullopt;
    return find.columnInt64(0);
}

long long Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(mDb);
}

int Database::changes() const
{
    return sqlite3_changes(mDb);
}

void Database::fail(const std::string &what) const
{
    throw StoreError(mPath + ": " + what + ": " + (mDb ? sqlite3_errmsg(mDb) : "no connection"));
}

} // namespace cs
