#pragma once

#include "parse_error.h"

#include <string>

namespace cs {

// A download failed for good (retries spent, an answer no retry can change, a body the importer refused). The
// message names the HTTP status and the URL (which never holds a secret); the CLI prints it and exits 2. What
// was fetched before it stays cached: the same command resumes.
class FetchError : public InputError
{
public:
    FetchError(const std::string &message, int status = 0) : InputError(message), mStatus(status) {}
    int status() const { return mStatus; }

private:
    int mStatus;
};

// The download was cancelled (progress callback, Ctrl-C); every period fetched before is kept.
class FetchCancelled : public InputError
{
public:
    FetchCancelled() : InputError("download cancelled; the periods fetched so far are kept, rerun to resume") {}
};

} // namespace cs
