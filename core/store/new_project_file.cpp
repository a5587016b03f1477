#include "new_project_file.h"

#include "project_store.h"
#include "store_error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <sys/syscall.h>
#include <unistd.h>

namespace cs {

namespace {

namespace fs = std::filesystem;

// A new empty file beside `target` (same folder, so that link() and rename() work), with the mode a new file
// gets (0666 less the umask), named so that it is hidden and never taken for a project.
std::string makeTemporary(const fs::path &target)
{
    std::random_device random;
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    for (int attempt = 0; attempt < 100; ++attempt) {
        const fs::path temp = dir / ("." + target.filename().string() + "." + std::to_string(getpid()) + "."
                                     + std::to_string(random()) + ".csdb-new");
        const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            ::close(fd);
            return temp.string();
        }
        if (errno != EEXIST)
            throw StoreError(target.string() + ": cannot create the project: " + std::strerror(errno));
    }
    throw StoreError(target.string() + ": cannot create the project: no free temporary name");
}

void removeTemporary(const std::string &temp)
{
    for (const char *suffix : {"", "-journal", "-wal", "-shm"})
        ::unlink((temp + suffix).c_str());
}

// Moves `temp` to `target` only where `target` does not exist: true when moved, false where it exists.
bool placeIfAbsent(const std::string &temp, const std::string &target)
{
    if (::link(temp.c_str(), target.c_str()) == 0) {
        ::unlink(temp.c_str());
        return true;
    }
    if (errno == EEXIST)
        return false;
    // A file system without hard links: rename without replacing, where the kernel has it.
#ifdef SYS_renameat2
    if (::syscall(SYS_renameat2, AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), 1 /* RENAME_NOREPLACE */) == 0)
        return true;
    if (errno == EEXIST)
        return false;
#endif
    throw StoreError(target + ": cannot create the project: " + std::strerror(errno));
}

bool isFilePath(const std::string &path)
{
    return !path.empty() && path != ":memory:" && !path.starts_with("file:");
}

} // namespace

bool NewProjectFile::create(const std::string &path, const Fill &fill)
{
    std::error_code ec;
    if (!isFilePath(path) || fs::exists(fs::symlink_status(path, ec)))
        return false;
    const std::string temp = makeTemporary(fs::path(path));
    try {
        {
            ProjectStore store = ProjectStore::open(temp, ProjectStore::OpenMode::CreateIfMissing); // 0 bytes: made here
            if (fill)
                fill(store);
        } // closed: the last connection folds the WAL into the file and removes it
        if (fs::exists(temp + "-wal", ec))
            throw StoreError(path + ": cannot create the project: its journal was left open");
        const bool placed = placeIfAbsent(temp, path);
        removeTemporary(temp);
        return placed;
    } catch (const StoreError &e) {
        removeTemporary(temp);
        // Name the project the user asked for, not the temporary it was being built in.
        std::string message = e.what();
        for (std::size_t at = message.find(temp); at != std::string::npos; at = message.find(temp, at + path.size()))
            message.replace(at, temp.size(), path);
        throw StoreError(message);
    } catch (...) {
        removeTemporary(temp);
        throw;
    }
}

} // namespace cs
