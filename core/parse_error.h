#pragma once

#include <stdexcept>
#include <string>

namespace cs {

// Bad input, located: "file:line:column: message". Line and column are 1-based; 0 means "not applicable".
class ParseError : public std::runtime_error
{
public:
    ParseError(std::string file, int line, int column, const std::string &message);

    const std::string &file() const { return mFile; }
    int line() const { return mLine; }
    int column() const { return mColumn; }
    const std::string &message() const { return mMessage; }

private:
    std::string mFile;
    int mLine;
    int mColumn;
    std::string mMessage;
};

// Bad input that is not tied to a place in a file (an unknown model name, a bad option).
class InputError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace cs
