// cs::AtomicFile in process: what a caller gets (a complete file or the old one), and what it refuses.
// The same writer under injected I/O faults is test_cli_faults.
#include "io/atomic_file.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <stdexcept>

#include <sys/stat.h>
#include <unistd.h>

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

void writeRaw(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// The folder's entries other than the given ones: a temporary left behind shows up here.
QStringList othersIn(const QString &dir, const QStringList &expected)
{
    QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &e : expected)
        names.removeAll(e);
    return names;
}

QString outputErrorOf(const std::function<void()> &work)
{
    try {
        work();
    } catch (const cs::OutputError &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesANewFileWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("out.csv");
        cs::writeFileAtomically(path.toStdString(), std::string_view("a,b\n1,2\n"));
        QCOMPARE(readAll(path), QByteArray("a,b\n1,2\n"));
        QCOMPARE(othersIn(dir.path(), {"out.csv"}), QStringList());
    }

    void streamsPastItsBuffer()
    {
        // 200,000 lines of "12345\n" = 1,200,000 bytes, far past the 64 KiB buffer.
        QTemporaryDir dir;
        const QString path = dir.filePath("big.txt");
        cs::writeFileAtomically(path.toStdString(), [](std::ostream &out) {
            for (int i = 0; i < 200000; ++i)
                out << "12345\n";
        });
        QCOMPARE(QFileInfo(path).size(), qint64(1200000));
        QCOMPARE(readAll(path).left(12), QByteArray("12345\n12345\n"));
    }

    void replacesAnExistingFileAndKeepsItsMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("report.csv");
        writeRaw(path, "old contents that are longer than the new ones\n");
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        cs::writeFileAtomically(path.toStdString(), std::string_view("new\n"));
        QCOMPARE(readAll(path), QByteArray("new\n"));
        struct stat st {};
        QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0640));
    }

    void followsASymlinkAndKeepsIt()
    {
        QTemporaryDir dir;
        const QString real = dir.filePath("real.csv");
        const QString link = dir.filePath("link.csv");
        writeRaw(real, "old\n");
        QVERIFY(QFile::link(real, link));
        cs::writeFileAtomically(link.toStdString(), std::string_view("new\n"));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(readAll(real), QByteArray("new\n"));
    }

    void anUncommittedFileLeavesTheTargetAsItWas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("keep.csv");
        writeRaw(path, "precious\n");
        QString thrown;
        try {
            cs::writeFileAtomically(path.toStdString(), [](std::ostream &out) {
                out << "half of a file";
                throw std::runtime_error("the caller failed half-way");
            });
        } catch (const std::runtime_error &e) {
            thrown = QString::fromUtf8(e.what());
        }
        QCOMPARE(thrown, QString("the caller failed half-way"));
        QCOMPARE(readAll(path), QByteArray("precious\n"));
        QCOMPARE(othersIn(dir.path(), {"keep.csv"}), QStringList());
    }

    void refusesAnSqliteDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("project.csv"); // the name does not matter, the header does
        const QByteArray sqlite = QByteArray("SQLite format 3", 16) + QByteArray(84, '\x01');
        writeRaw(path, sqlite);
        const QString error = outputErrorOf([&] { cs::writeFileAtomically(path.toStdString(), std::string_view("x")); });
        QVERIFY2(error.contains("is an SQLite database"), qPrintable(error));
        QCOMPARE(readAll(path), sqlite);
        QCOMPARE(othersIn(dir.path(), {"project.csv"}), QStringList());
    }

    void refusesAFolder()
    {
        QTemporaryDir dir;
        const QString error = outputErrorOf([&] { cs::writeFileAtomically(dir.path().toStdString(), std::string_view("x")); });
        QVERIFY2(error.contains("is a folder"), qPrintable(error));
    }

    void refusesAWriteProtectedFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("frozen.csv");
        writeRaw(path, "frozen\n");
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0444) == 0);
        const QString error = outputErrorOf([&] { cs::writeFileAtomically(path.toStdString(), std::string_view("x")); });
        QVERIFY2(error.contains("is write-protected (mode 444)"), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("frozen\n"));
    }

    void aFullDeviceIsAnErrorNamingTheOsError()
    {
        if (!QFileInfo::exists("/dev/full"))
            QSKIP("no /dev/full on this system");
        // 100,000 bytes: past the buffer, so the write fails before the commit too.
        const QString error = outputErrorOf([] {
            cs::writeFileAtomically("/dev/full", std::string(100000, 'x'));
        });
        QVERIFY2(error.startsWith("/dev/full: cannot write") && error.contains("No space left on device"),
                 qPrintable(error));
        const QString small = outputErrorOf([] { cs::writeFileAtomically("/dev/full", std::string_view("x\n")); });
        QVERIFY2(small.contains("No space left on device"), qPrintable(small));
    }

    void aDeviceIsWrittenInPlace()
    {
        QCOMPARE(outputErrorOf([] { cs::writeFileAtomically("/dev/null", std::string_view("gone\n")); }), QString());
    }

    void aMissingFolderNamesTheTarget()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("no/such/folder/out.csv").toStdString();
        const QString error = outputErrorOf([&] { cs::writeFileAtomically(path, std::string_view("x")); });
        QVERIFY2(error.startsWith(QString::fromStdString(path)) && error.contains("No such file or directory"),
                 qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"
