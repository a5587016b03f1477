#include "statement.h"

#include "database.h"
#include "store_error.h"

#include <sqlite3.h>

#include <utility>

namespace cs {

Statement::Statement(Database &db, const std::string &sql)
    : mDb(&db)
{
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &mStmt, nullptr) != SQLITE_OK)
        db.fail("cannot prepare \"" + sql.substr(0, 60) + "\"");
}

Statement::~Statement()
{
    sqlite3_finalize(mStmt);
}

Statement::Statement(Statement &&other) noexcept
    : mDb(other.mDb)
    , mStmt(std::exchange(other.mStmt, nullptr))
{}

Statement &Statement::bind(int index, std::int64_t value)
{
    if (sqlite3_bind_int64(mStmt, index, value) != SQLITE_OK)
        mDb->fail("bind");
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    if (sqlite3_bind_double(mStmt, index, value) != SQLITE_OK)
        mDb->fail("bind");
    return *this;
}

Statement &Statement::bind(int index, std::string_view value)
{
    if (sqlite3_bind_text(mStmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        mDb->fail("bind");
    return *this;
}

Statement &Statement::bind(int index, const std::optional<double> &value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement &Statement::bindNull(int index)
{
    if (sqlite3_bind_null(mStmt, index) != SQLITE_OK)
        mDb->fail("bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(mStmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string message = sqlite3_errmsg(mDb->handle());
    sqlite3_reset(mStmt);
    throw StoreError(mDb->path() + ": " + message);
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(mStmt);
    sqlite3_clear_bindings(mStmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(mStmt, column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(mStmt, column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(mStmt, column);
}

std::optional<double> Statement::columnOptionalDouble(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return columnDouble(column);
}

std::string Statement::columnText(int column) const
{
    const auto *text = sqlite3_column_text(mStmt, column);
    return text ? std::string(reinterpret_cast<const char *>(text),
                              static_cast<std::size_t>(sqlite3_column_bytes(mStmt, column)))
                : std::string();
}

} // namespace cs
