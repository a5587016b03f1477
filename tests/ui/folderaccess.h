#pragma once

// What the refusal tests need to write as a user without permission, and to see what a folder holds afterwards
// (no file, no temporary left behind).
#include <QDir>
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

} // namespace cs::test
