#pragma once

// Files a test writes for itself: a trace to import, a file that is not a project.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

namespace cs::test {

// Writes `bytes` to `path`. Where the file cannot be written whole (a failed open, a short write) the running
// test fails there, naming the path, and false is returned.
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size() || !file.flush()) {
        QTest::qFail(qPrintable("cannot write the test's input " + path + ": " + file.errorString()), __FILE__,
                     __LINE__);
        return false;
    }
    return true;
}

// Writes `bytes` as `name` in `dir` (a name may hold a subfolder that exists) and returns its path; as writeFile
// where it cannot, and the path returned is empty.
inline QString writeFixture(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    return writeFile(path, bytes) ? path : QString();
}

} // namespace cs::test
