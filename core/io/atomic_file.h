#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// A file could not be written: "PATH: cannot write: No space left on device". The CLI exits 2 on it.
class OutputError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The one way CarbonScope writes a file (CSV, JSON, charts, reports, pools, projects saved as).
//
// A regular target is written as a temporary file beside it (same folder, so the rename cannot cross a file
// system), every write and the close checked, fsync'd, then renamed over the target and the folder fsync'd.
// On any failure the target is untouched, the temporary removed and OutputError names the path and the OS
// error. A target that is not a regular file (a FIFO, /dev/null, /dev/full, a terminal) is written in place,
// every write still checked. A symbolic link is followed: the file it names is replaced, the link kept.
//
// Refused before a byte is written: a folder, and any file that is an SQLite database (a CarbonScope project
// or another program's), so that a slip such as `--csv project.csdb` cannot destroy a project.
//
// Uses open/write/fsync/close/rename directly (no stdio), so the fault-injection shim of the tests
// (tests/faultinject) can fail the Nth of each.
class AtomicFile
{
public:
    // Throws OutputError when the target is refused or the temporary cannot be created.
    explicit AtomicFile(std::string target);
    // Not committed: the temporary is removed and the target left as it was.
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    // Buffered; throws OutputError at the first failed write.
    void write(std::string_view bytes);
    // The same file as a std::ostream for code that streams. Its failures are thrown by the next write() or
    // by commit(): a failed stream never commits.
    std::ostream &stream();

    // Flushes, fsyncs, closes and renames into place. Throws OutputError (the target then unchanged).
    void commit();

    const std::string &target() const { return mTarget; }

private:
    void flushBuffer();
    void writeAll(const char *data, std::size_t n);
    [[noreturn]] void fail(const std::string &what, int error);
    void discard() noexcept;

    class StreamBuf;

    std::string mTarget;    // as given, for messages
    std::string mFinalPath; // the file to replace (a symlink resolved)
    std::string mTempPath;  // empty when writing in place
    int mFd = -1;
    bool mCommitted = false;
    bool mFailed = false;
    std::string mError; // the first failure, rethrown by later calls
    std::vector<char> mBuffer;
    std::unique_ptr<StreamBuf> mStreamBuf;
    std::unique_ptr<std::ostream> mStream;
};

// Writes the whole of `bytes`, or leaves the target untouched and throws OutputError.
void writeFileAtomically(const std::string &target, std::string_view bytes);
// Streams into the target through `fill`; the target is replaced only when fill returns and the commit succeeds.
void writeFileAtomically(const std::string &target, const std::function<void(std::ostream &)> &fill);

// Throws OutputError when `target` exists and is a folder, an SQLite database or write-protected (no write bit
// at all); the message names it.
void refuseUnsafeTarget(const std::string &target);
// As above, and also refused when `target` names `project`, the project file the command reads or writes, even
// before that file is a database (0 bytes, or not yet created): called for every output path before work starts.
void refuseUnsafeTarget(const std::string &target, const std::string &project);
// True when the file's first 16 bytes are SQLite's header ("SQLite format 3\0").
bool isSqliteFile(const std::string &path);
// True when both paths name the same existing file (hard links and symlinks included).
bool sameFile(const std::string &a, const std::string &b);

// Flushes standard output now, for a command that prints as it goes (profile, live). stdio drops what it could
// not write, so the OS error of a failure is kept here for finishStandardOutput to report.
void flushStandardOutput();

// Flushes standard output and reports whether every write to it succeeded (as coreutils' close_stdout does).
// Returns the error text ("No space left on device") or an empty string.
std::string finishStandardOutput();

} // namespace cs
