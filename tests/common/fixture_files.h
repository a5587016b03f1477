#pragma once

// Files a test writes for itself: a trace to import, a file that is not a project.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace cs::test {

// Writes `bytes` as `name` in `dir` and returns its path; an empty string where the file could not be written
// whole, so a caller's QVERIFY(!path.isEmpty()) fails on a short write as on a failed open.
inline QString writeFixture(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush())
        return {};
    return path;
}

} // namespace cs::test
