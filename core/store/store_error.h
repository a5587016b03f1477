#pragma once

#include "parse_error.h"

namespace cs {

// A project database that cannot be used as asked (foreign, newer, corrupt, locked, a missing name).
// It is an InputError so that the CLI reports it as bad input (exit status 2) with its message.
class StoreError : public InputError
{
public:
    using InputError::InputError;
};

} // namespace cs
