#pragma once

// What the refusal tests need to write as a user without permission, and to see what a folder holds afterwards
// (no file, no temporary left behind).
#include <QDir>
#include <QFile>
#include <QStringList>

#include <sys/fsuid.h>
#include <unistd.h>

namespace cs::test {

// Every entry of `folder`, hidden ones included, by name.
inline QStringList folderEntries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

// Writes as another user would while `on`: root ignores folder permissions, so the test drops to nobody's
// file-system identity (Linux setfsuid, this thread only) around the write.
inline void actAsUnprivilegedUser(bool on)
{
    if (getuid() == 0)
        setfsuid(on ? 65534 : 0);
}

// `folder` read-only (0555: r-x for all) while this lives, writable by its owner again (0700) after, so the test's
// QTemporaryDir can remove it whether the test passed or not.
class ReadOnlyFolder
{
public:
    explicit ReadOnlyFolder(QString folder)
        : mFolder(std::move(folder)),
          mSet(QFile::setPermissions(mFolder, QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                                  | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther))
    {
    }
    ~ReadOnlyFolder() { QFile::setPermissions(mFolder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner); }
    ReadOnlyFolder(const ReadOnlyFolder &) = delete;
    ReadOnlyFolder &operator=(const ReadOnlyFolder &) = delete;

    bool isSet() const { return mSet; }

private:
    QString mFolder;
    bool mSet;
};

} // namespace cs::test
