#include "projectfile.h"

#include "io/atomic_file.h"
#include "parse_error.h"

#include "project_store.h"
#include "schema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace cs {

namespace {

constexpr QFileDevice::Permissions AnyWrite = QFileDevice::WriteOwner | QFileDevice::WriteGroup
                                              | QFileDevice::WriteOther;

bool writable(const QFileInfo &info)
{
    return info.isWritable() && (info.permissions() & AnyWrite);
}

std::string utf8(const QString &s)
{
    return s.toStdString();
}

[[noreturn]] void failWrite(const QString &target, const QString &what, int error)
{
    throw OutputError(utf8(target) + ": " + utf8(what) + ": " + std::strerror(error));
}

void removeWithSidecars(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

// fsync a file or folder by path; the rename is durable once the folder is synced.
int syncPath(const QString &path, bool folder)
{
    const int fd = ::open(QFile::encodeName(path).constData(), (folder ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int rc = ::fsync(fd) == 0 ? 0 : errno;
    if (::close(fd) != 0 && rc == 0)
        return errno;
    return rc;
}

// The store names the file it opened; a private copy is named as the user's file.
std::string renamed(std::string message, const std::string &from, const std::string &to)
{
    for (std::size_t at = message.find(from); at != std::string::npos; at = message.find(from, at + to.size()))
        message.replace(at, from.size(), to);
    return message;
}

} // namespace

bool isReadOnlyProject(const QString &path)
{
    const QFileInfo file(path);
    return !writable(file) || !writable(QFileInfo(file.absolutePath()));
}

bool isCarbonScopeProject(const QString &path)
{
    QFile file(path);
    if (!isSqliteFile(utf8(path)) || !file.open(QIODevice::ReadOnly) || !file.seek(68))
        return false;
    const QByteArray id = file.read(4); // the header's application id, big-endian
    if (id.size() != 4)
        return false;
    const auto byte = [&](int i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(id[i])); };
    return ((byte(0) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3))
           == static_cast<std::uint32_t>(Schema::applicationId);
}

// A copy of a project (with its write-ahead log) in `dir`, to read without writing a byte to it or beside it.
static QString privateCopy(const QString &path, const QTemporaryDir &dir)
{
    const QString copy = dir.filePath(QStringLiteral("project.csdb"));
    if (!dir.isValid())
        throw InputError(utf8(path) + ": cannot make a private copy to read it: " + utf8(dir.errorString()));
    if (!QFileInfo::exists(path))
        throw InputError(utf8(path) + ": no such project file");
    QFile source(path);
    if (!source.copy(copy))
        throw InputError(utf8(path) + ": cannot read: " + utf8(source.errorString()));
    if (QFileInfo::exists(path + QStringLiteral("-wal")))
        QFile::copy(path + QStringLiteral("-wal"), copy + QStringLiteral("-wal"));
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return copy;
}

ProjectContent readProjectFile(const QString &path, bool readOnly)
{
    if (!readOnly) {
        ProjectStore store = ProjectStore::open(utf8(path), ProjectStore::OpenMode::MustExist);
        return readProjectContent(store);
    }
    // Opening in place would write (WAL index, migration); the copy reads the same.
    const QTemporaryDir dir;
    const QString copy = privateCopy(path, dir);
    try {
        ProjectStore store = ProjectStore::open(utf8(copy), ProjectStore::OpenMode::MustExist);
        return readProjectContent(store);
    } catch (const InputError &e) {
        throw InputError(renamed(e.what(), utf8(copy), utf8(path)));
    }
}

void writeProjectFileInPlace(const ScenarioDocument &document, const QString &path)
{
    ProjectStore store = ProjectStore::open(utf8(path), ProjectStore::OpenMode::MustExist);
    writeProjectContent(store, document);
}

void writeProjectFileAtomically(const ScenarioDocument &document, const QString &target, const QString &copyFrom)
{
    const QFileInfo info(target);
    if (info.isDir())
        throw OutputError(utf8(target) + ": is a folder; name a file to write");
    if (isSqliteFile(utf8(target)) && !isCarbonScopeProject(target))
        throw OutputError(utf8(target) + ": is an SQLite database of another program; refusing to overwrite it");
    // A rename would replace a write-protected file as readily as any other; its mode says the user wants it kept.
    if (info.exists() && !writable(info))
        throw OutputError(utf8(target) + ": is read-only (no permission to write it); refusing to replace it");
    const QString folder = info.absolutePath();
    // Reserved by O_EXCL so no other writer picks it; SQLite then fills the empty file.
    QString temp;
    for (int attempt = 0; attempt < 16 && temp.isEmpty(); ++attempt) {
        const QString name = QStringLiteral(".%1.%2.tmp").arg(info.fileName()).arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
        const QString candidate = QDir(folder).filePath(name);
        const int fd = ::open(QFile::encodeName(candidate).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd >= 0) {
            ::close(fd);
            temp = candidate;
        } else if (errno != EEXIST) {
            failWrite(target, QStringLiteral("cannot write (creating a temporary file in %1)").arg(folder), errno);
        }
    }
    if (temp.isEmpty())
        failWrite(target, QStringLiteral("cannot write (no free temporary name)"), EEXIST);
    try {
        if (!copyFrom.isEmpty() && QFileInfo::exists(copyFrom)) {
            // VACUUM INTO: a consistent copy of the whole project, whatever another process is writing to it.
            // A read-only project is copied from a private copy: SQLite could not open its log beside it.
            const QTemporaryDir dir;
            const bool readOnly = isReadOnlyProject(copyFrom);
            Database source(utf8(readOnly ? privateCopy(copyFrom, dir) : copyFrom), Database::Mode::ReadWrite);
            std::string quoted = utf8(temp);
            for (std::size_t at = quoted.find('\''); at != std::string::npos; at = quoted.find('\'', at + 2))
                quoted.insert(at, 1, '\'');
            source.exec("VACUUM INTO '" + quoted + "'");
        }
        {
            // The reserved temporary is empty: CreateIfMissing builds the schema in it.
            ProjectStore store = ProjectStore::open(utf8(temp), ProjectStore::OpenMode::CreateIfMissing);
            writeProjectContent(store, document);
        } // closed: the write-ahead log is checkpointed into the file and removed
        if (const int error = syncPath(temp, false))
            failWrite(target, QStringLiteral("cannot write (fsync)"), error);
        if (info.exists()) // the replaced project keeps who may read and write it
            QFile::setPermissions(temp, QFile::permissions(target));
        // A stale write-ahead log of the old file would be replayed into the new one.
        if (QFileInfo::exists(target))
            for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(target + suffix);
        if (::rename(QFile::encodeName(temp).constData(), QFile::encodeName(target).constData()) != 0)
            failWrite(target, QStringLiteral("cannot write (rename)"), errno);
    } catch (const std::exception &e) {
        removeWithSidecars(temp);
        if (dynamic_cast<const OutputError *>(&e))
            throw;
        throw OutputError(renamed(e.what(), utf8(temp), utf8(target)));
    }
    syncPath(folder, true);
}

} // namespace cs
