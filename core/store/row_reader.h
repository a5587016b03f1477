#pragma once

#include "statement.h"

#include <concepts>
#include <optional>
#include <string>
#include <vector>

namespace cs {

// Reads a result row's columns in order into fields: `RowReader(s) >> info.id >> info.name` takes columns 0 and 1.
// Each table part's row reader is one such line in its SELECT's column order. Integers take the column as int64,
// floating point as double, text as text; an optional is empty where the column is NULL.
class RowReader
{
public:
    explicit RowReader(const Statement &s) : mStatement(s) {}

    template<typename T>
    RowReader &operator>>(T &field)
    {
        field = read<T>(mColumn++);
        return *this;
    }

private:
    template<typename T>
    T read(int column) const
    {
        if constexpr (std::same_as<T, std::string>)
            return mStatement.columnText(column);
        else if constexpr (std::floating_point<T>)
            return static_cast<T>(mStatement.columnDouble(column));
        else if constexpr (std::integral<T>)
            return static_cast<T>(mStatement.columnInt64(column));
        else // std::optional<U>
            return mStatement.isNull(column) ? T() : T(read<typename T::value_type>(column));
    }

    const Statement &mStatement;
    int mColumn = 0;
};

// Every (remaining) row of `s`, each made by `read` (a table part's row reader).
template<typename Read>
auto readRows(Statement &s, Read read)
{
    std::vector<decltype(read(s))> rows;
    while (s.step())
        rows.push_back(read(s));
    return rows;
}

} // namespace cs
