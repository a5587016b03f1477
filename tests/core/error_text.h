#pragma once
// The message of the exception a call throws, empty where it throws none: the tests compare it with text worked
// out by hand. Error is the type the call must throw; any other exception goes on and fails the test.
#include <QString>

#include <exception>

template <class Error = std::exception, class Call>
QString errorText(Call &&call)
{
    try {
        call();
    } catch (const Error &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}
