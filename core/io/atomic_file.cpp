#include "io/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <streambuf>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cs {

namespace {

constexpr std::size_t bufferSize = 64 * 1024;

std::string osError(int error)
{
    return std::strerror(error);
}

// write() until done, retrying on EINTR and short writes.
int writeFully(int fd, const char *data, std::size_t n)
{
    while (n > 0) {
        const ssize_t w = ::write(fd, data, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (w == 0)
            return EIO;
        data += w;
        n -= static_cast<std::size_t>(w);
    }
    return 0;
}

std::string folderOf(const std::string &path)
{
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

// A name no other writer picks: the target's name behind a dot, and 64 random bits.
std::string temporaryName(const std::string &finalPath)
{
    static thread_local std::mt19937_64 random{std::random_device{}()};
    const std::filesystem::path p(finalPath);
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, ".%016llx.tmp", static_cast<unsigned long long>(random()));
    return (p.parent_path() / ("." + p.filename().string() + suffix)).string();
}

} // namespace

// std::ostream over AtomicFile::write; a failure is kept by the AtomicFile and turns the stream bad.
class AtomicFile::StreamBuf : public std::streambuf
{
public:
    explicit StreamBuf(AtomicFile &file) : mFile(file) {}

protected:
    std::streamsize xsputn(const char *s, std::streamsize n) override
    {
        try {
            mFile.write(std::string_view(s, static_cast<std::size_t>(n)));
        } catch (const OutputError &) {
            return 0;
        }
        return n;
    }
    int_type overflow(int_type c) override
    {
        if (traits_type::eq_int_type(c, traits_type::eof()))
            return traits_type::not_eof(c);
        const char ch = traits_type::to_char_type(c);
        return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
    }

private:
    AtomicFile &mFile;
};

AtomicFile::AtomicFile(std::string target)
    : mTarget(std::move(target))
{
    if (mTarget.empty())
        throw OutputError("cannot write a file with an empty name");
    refuseUnsafeTarget(mTarget);
    namespace fs = std::filesystem;
    std::error_code ec;
    mFinalPath = mTarget;
    if (fs::is_symlink(mTarget, ec)) {
        const fs::path resolved = fs::weakly_canonical(mTarget, ec);
        if (!ec)
            mFinalPath = resolved.string();
    }
    const fs::file_status status = fs::status(mFinalPath, ec);
    const bool exists = fs::exists(status);
    mBuffer.reserve(bufferSize);
    if (exists && !fs::is_regular_file(status)) {
        // A device, FIFO or terminal: written in place (no rename can replace it), every write checked.
        mFd = ::open(mFinalPath.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (mFd < 0)
            fail("cannot write", errno);
        return;
    }
    mode_t mode = 0666; // narrowed by the umask in open()
    struct stat st {};
    if (exists && ::stat(mFinalPath.c_str(), &st) == 0)
        mode = st.st_mode & 07777;
    for (int attempt = 0; attempt < 16 && mFd < 0; ++attempt) {
        mTempPath = temporaryName(mFinalPath);
        mFd = ::open(mTempPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, mode);
        if (mFd < 0 && errno != EEXIST) {
            const int error = errno;
            mTempPath.clear();
            fail("cannot write (creating a temporary file in " + folderOf(mFinalPath) + ")", error);
        }
    }
    if (mFd < 0) {
        mTempPath.clear();
        fail("cannot write (no free temporary name)", EEXIST);
    }
    if (exists)
        (void)::fchmod(mFd, mode); // the umask must not narrow an existing file's permissions
}

AtomicFile::~AtomicFile()
{
    if (!mCommitted)
        discard();
}

void AtomicFile::discard() noexcept
{
    if (mFd >= 0) {
        ::close(mFd);
        mFd = -1;
    }
    if (!mTempPath.empty()) {
        ::unlink(mTempPath.c_str());
        mTempPath.clear();
    }
}

void AtomicFile::fail(const std::string &what, int error)
{
    mFailed = true;
    mError = mTarget + ": " + what + ": " + osError(error);
    discard();
    throw OutputError(mError);
}

void AtomicFile::write(std::string_view bytes)
{
    if (mFailed)
        throw OutputError(mError);
    if (mCommitted)
        throw OutputError(mTarget + ": written after it was committed");
    if (bytes.size() >= bufferSize) {
        flushBuffer();
        writeAll(bytes.data(), bytes.size());
        return;
    }
    if (mBuffer.size() + bytes.size() > bufferSize)
        flushBuffer();
    mBuffer.insert(mBuffer.end(), bytes.begin(), bytes.end());
}

void AtomicFile::flushBuffer()
{
    if (mBuffer.empty())
        return;
    writeAll(mBuffer.data(), mBuffer.size());
    mBuffer.clear();
}

void AtomicFile::writeAll(const char *data, std::size_t n)
{
    if (const int error = writeFully(mFd, data, n))
        fail("cannot write", error);
}

std::ostream &AtomicFile::stream()
{
    if (!mStream) {
        mStreamBuf = std::make_unique<StreamBuf>(*this);
        mStream = std::make_unique<std::ostream>(mStreamBuf.get());
    }
    return *mStream;
}

void AtomicFile::commit()
{
    if (mCommitted)
        return;
    if (mFailed)
        throw OutputError(mError);
    if (mStream && !*mStream)
        fail("cannot write", EIO); // a stream user failed without AtomicFile seeing an OS error
    flushBuffer();
    if (mTempPath.empty()) { // written in place
        if (::close(mFd) != 0) {
            const int error = errno;
            mFd = -1;
            fail("cannot write (close)", error);
        }
        mFd = -1;
        mCommitted = true;
        return;
    }
    if (::fsync(mFd) != 0)
        fail("cannot write (fsync)", errno);
    const int fd = mFd;
    mFd = -1;
    if (::close(fd) != 0)
        fail("cannot write (close)", errno);
    // Checked again just before the rename: the target may have become a project since the constructor.
    if (isSqliteFile(mFinalPath)) {
        discard();
        mFailed = true;
        mError = mTarget + ": is an SQLite database (a project?); refusing to overwrite it";
        throw OutputError(mError);
    }
    if (::rename(mTempPath.c_str(), mFinalPath.c_str()) != 0)
        fail("cannot write (rename)", errno);
    mTempPath.clear();
    mCommitted = true;
    // The rename itself is durable once the folder is synced; a folder that cannot be synced is not an error.
    const int dir = ::open(folderOf(mFinalPath).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        (void)::fsync(dir);
        ::close(dir);
    }
}

void writeFileAtomically(const std::string &target, std::string_view bytes)
{
    AtomicFile file(target);
    file.write(bytes);
    file.commit();
}

void writeFileAtomically(const std::string &target, const std::function<void(std::ostream &)> &fill)
{
    AtomicFile file(target);
    fill(file.stream());
    file.commit();
}

bool isSqliteFile(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return false;
    struct stat st {};
    char header[16] = {};
    bool sqlite = false;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && ::read(fd, header, sizeof header) == sizeof header)
        sqlite = std::memcmp(header, "SQLite format 3", sizeof header) == 0; // includes the closing '\0'
    ::close(fd);
    return sqlite;
}

void refuseUnsafeTarget(const std::string &target)
{
    std::error_code ec;
    if (std::filesystem::is_directory(target, ec))
        throw OutputError(target + ": is a folder; name a file to write");
    if (isSqliteFile(target))
        throw OutputError(target + ": is an SQLite database (a CarbonScope project?); refusing to overwrite it");
    // A rename needs only the folder's permission: without this a write-protected file would be replaced
    // (and root would replace it even in place). Its mode says its owner wants it kept, as the store reads it.
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0222) == 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(st.st_mode & 0777));
        throw OutputError(target + ": is write-protected (mode " + mode + "); refusing to replace it");
    }
}

void refuseUnsafeTarget(const std::string &target, const std::string &project)
{
    refuseUnsafeTarget(target);
    if (project.empty())
        return;
    namespace fs = std::filesystem;
    std::error_code targetError, projectError;
    const bool samePath = fs::weakly_canonical(target, targetError) == fs::weakly_canonical(project, projectError)
                          && !targetError && !projectError;
    if (samePath || sameFile(target, project))
        throw OutputError(target + ": is the project file this command uses; refusing to overwrite it");
}

bool sameFile(const std::string &a, const std::string &b)
{
    std::error_code ec;
    return std::filesystem::equivalent(a, b, ec) && !ec;
}

namespace {
int firstStandardOutputError = 0; // errno of the first failed flushStandardOutput
}

void flushStandardOutput()
{
    errno = 0;
    if (std::fflush(stdout) != 0 && firstStandardOutputError == 0)
        firstStandardOutputError = errno ? errno : EIO;
}

std::string finishStandardOutput()
{
    // fflush reports a failed write of what is still buffered, with errno; ferror a write that failed earlier,
    // whose errno is gone unless flushStandardOutput kept it.
    const bool failedBefore = std::ferror(stdout) != 0;
    errno = 0;
    const bool flushed = std::fflush(stdout) == 0;
    const int error = flushed ? firstStandardOutputError : errno;
    if (flushed && !failedBefore)
        return {};
    return error ? osError(error) : std::string("write error"); // as coreutils say when errno is gone
}

} // namespace cs
