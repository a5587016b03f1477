#pragma once

#include <optional>
#include <string>

struct sqlite3;

namespace cs {

class Statement;

// One open SQLite connection. Move-only; closing happens in the destructor.
class Database
{
public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };

    Database() = default;
    Database(const std::string &path, Mode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;

    // Runs SQL without parameters (schema, pragmas). Throws StoreError with SQLite's message.
    void exec(const std::string &sql);
    Statement prepare(const std::string &sql);

    // The single integer a query like "PRAGMA user_version" returns.
    long long scalar(const std::string &sql);

    // The id of the row named `name` in `table` (one of ours, whose names are unique); none where there is none.
    std::optional<long long> idByName(const std::string &table, const std::string &name);
    long long lastInsertId() const;
    int changes() const;
    sqlite3 *handle() const { return mDb; }
    const std::string &path() const { return mPath; }

    // Throws StoreError "<path>: <what>: <sqlite message>".
    [[noreturn]] void fail(const std::string &what) const;

private:
    void close();

    sqlite3 *mDb = nullptr;
    std::string mPath;
};

} // namespace cs
