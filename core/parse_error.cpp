#include "parse_error.h"

namespace cs {

static std::string locate(const std::string &file, int line, int column, const std::string &message)
{
    std::string where = file;
    if (line > 0) {
        where += ':' + std::to_string(line);
        if (column > 0)
            where += ':' + std::to_string(column);
    }
    return where + ": " + message;
}

ParseError::ParseError(std::string file, int line, int column, const std::string &message)
    : std::runtime_error(locate(file, line, column, message))
    , mFile(std::move(file))
    , mLine(line)
    , mColumn(column)
    , mMessage(message)
{}

} // namespace cs
