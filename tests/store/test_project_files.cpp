// Project files are never damaged: read-only commands write nothing (an empty or write-protected file keeps its
// bytes and mode), a new project appears whole or not at all (a failed first import leaves no file; two processes
// creating it at once both succeed), a failed import leaves a project byte-identical, and names holding control
// characters are listed escaped.
#include "../cli_run.h"

#include "new_project_file.h"
#include "project_store.h"
#include "store_error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <sys/stat.h>

using namespace cs;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

unsigned modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : 0;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

const QByteArray carbonCsv = "time,value\n2023-06-01T00:00Z,100\n2023-06-01T00:30Z,200\n2023-06-01T01:00Z,150\n";
const QByteArray requestCsv = "time,count\n2023-06-01T00:00Z,5\n2023-06-01T00:30Z,7\n2023-06-01T01:00Z,6\n";

} // namespace

class TestProjectFiles : public QObject
{
    Q_OBJECT

    QTemporaryDir mDir;
    QString mCarbon, mRequests, mBad;


    // A project holding carbon series "c", request series "r" and scenario "june".
    QString makeProject(const QString &name)
    {
        const QString db = mDir.filePath(name);
        const Run a = cli({"import", "carbon", mCarbon, "--name", "c", "--db", db});
        const Run b = cli({"import", "requests", mRequests, "--name", "r", "--db", db});
        const Run c = cli({"scenario", "add", "--db", db, "--name", "june", "--carbon", "c", "--requests", "r",
                           "--pool", "resnets"});
        if (a.status != 0 || b.status != 0 || c.status != 0)
            qWarning("%s %s %s", qPrintable(a.err), qPrintable(b.err), qPrintable(c.err));
        return db;
    }

    // Files in the folder whose names hold `part`, hidden ones included: what a failure left behind.
    QStringList leftovers(const QString &part)
    {
        return QDir(mDir.path()).entryList({"*" + part + "*"}, QDir::Files | QDir::Hidden | QDir::System);
    }

private slots:
    void initTestCase()
    {
        mCarbon = mDir.filePath(QStringLiteral("carbon.csv"));
        mRequests = mDir.filePath(QStringLiteral("requests.csv"));
        mBad = mDir.filePath(QStringLiteral("bad.csv"));
        writeFile(mCarbon, carbonCsv);
        writeFile(mRequests, requestCsv);
        writeFile(mBad, "time,value\n2023-06-01T00:00Z,100\n2023-06-01T00:30Z,abc\n");
    }

    // list, export and simulate --db on a 0-byte file: refused, and the file stays 0 bytes with its mode.
    void emptyFileStaysEmpty_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("list") << QStringList{"list", "--db"};
        QTest::newRow("export") << QStringList{"export", "--series", "c", "--csv", mDir.filePath("out.csv"), "--db"};
        QTest::newRow("simulate") << QStringList{"simulate", "--scenario", "june", "--policy", "heuristic", "--db"};
        QTest::newRow("scenario add") << QStringList{"scenario", "add", "--name", "j", "--carbon", "c", "--db"};
    }

    void emptyFileStaysEmpty()
    {
        QFETCH(QStringList, args);
        const QString db = mDir.filePath(QStringLiteral("empty.csdb"));
        writeFile(db, {});
        const unsigned mode = modeOf(db);
        const Run r = cli(args + QStringList{db});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(db + ": empty file, not a CarbonScope project"), qPrintable(r.err));
        QCOMPARE(QFileInfo(db).size(), 0);
        QCOMPARE(modeOf(db), mode);
        QFile::remove(db);
        QVERIFY2(leftovers("empty.csdb").isEmpty(), qPrintable(leftovers("empty.csdb").join(' ')));
        QVERIFY(!QFile::exists(mDir.filePath("out.csv")));
    }

    void emptyFileLibrary()
    {
        const QString db = mDir.filePath(QStringLiteral("empty.csdb"));
        writeFile(db, {});
        for (auto mode : {ProjectStore::OpenMode::ReadOnly, ProjectStore::OpenMode::MustExist}) {
            try {
                ProjectStore::open(db.toStdString(), mode);
                QFAIL("an empty file opened");
            } catch (const StoreError &e) {
                QCOMPARE(QString::fromStdString(e.what()),
                         db + ": empty file, not a CarbonScope project; left unchanged");
            }
            QCOMPARE(QFileInfo(db).size(), 0);
        }
        QFile::remove(db);
    }

    // A write-protected project: read commands work, writes say "is read-only" (never "corrupt"), and its bytes
    // and mode stay as they were.
    void readOnlyProject()
    {
        const QString db = makeProject(QStringLiteral("ro.csdb"));
        QVERIFY(QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        QCOMPARE(modeOf(db), 0444u);
        const QByteArray before = fileHash(db);

        const Run list = cli({"list", "--db", db});
        QVERIFY2(list.status == 0, qPrintable(list.err));
        QVERIFY2(list.out.contains(QRegularExpression("carbon +c +3 points")), qPrintable(list.out));
        QVERIFY2(list.out.contains(QRegularExpression("requests +r +3 points")), qPrintable(list.out));
        QVERIFY2(list.out.contains("june"), qPrintable(list.out));

        // Simulating reads the scenario; saving the run is the write that is refused.
        const Run sim = cli({"simulate", "--db", db, "--scenario", "june", "--policy", "heuristic"});
        QCOMPARE(sim.status, 2);
        QVERIFY2(sim.err.contains(db + ": is read-only"), qPrintable(sim.err));
        const Run imp = cli({"import", "carbon", mCarbon, "--name", "c2", "--db", db});
        QCOMPARE(imp.status, 2);
        QVERIFY2(imp.err.contains(db + ": is read-only"), qPrintable(imp.err));
        const Run exp = cli({"export", "--db", db, "--series", "c", "--csv", mDir.filePath("c.csv")});
        for (const Run &r : {list, sim, imp, exp})
            QVERIFY2(!r.err.contains("corrupt"), qPrintable(r.err));

        QCOMPARE(fileHash(db), before);
        QCOMPARE(modeOf(db), 0444u);

        // The library: ReadOnly opens it for viewing; a write on that connection is refused.
        ProjectStore store = ProjectStore::open(db.toStdString(), ProjectStore::OpenMode::ReadOnly);
        QCOMPARE(store.listSeries().size(), std::size_t(2));
        QCOMPARE(store.loadCarbonSeries("c").values, (std::vector<double>{100, 200, 150}));
        QVERIFY_THROWS_EXCEPTION(StoreError, store.database().exec("CREATE TABLE x (a)"));
        try {
            ProjectStore::open(db.toStdString(), ProjectStore::OpenMode::MustExist);
            QFAIL("a read-only file opened for writing");
        } catch (const StoreError &e) {
            QVERIFY2(std::string(e.what()).starts_with(db.toStdString() + ": is read-only"), e.what());
        }
        QCOMPARE(fileHash(db), before);
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
    }

    // A version-1 project is not migrated by a reader: it says so and stays byte for byte.
    void readerDoesNotMigrate()
    {
        QFile fixture(QStringLiteral(CARBONSCOPE_SOURCE_DIR "/tests/data/store/project_v1.sql"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        const QString db = mDir.filePath(QStringLiteral("v1.csdb"));
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(db).constData(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, fixture.readAll().constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(raw);
        const QByteArray before = fileHash(db);
        const Run r = cli({"list", "--db", db});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(db + ": needs upgrading: open it in CarbonScope or run import (schema version 1, "
                                     "this program's is 2)"), qPrintable(r.err));
        QCOMPARE(fileHash(db), before);
        // A write command upgrades it.
        QCOMPARE(cli({"import", "carbon", mCarbon, "--name", "c9", "--db", db}).status, 0);
        QCOMPARE(cli({"list", "--db", db}).status, 0);
    }

    // A failed first import leaves no project and no temporary file.
    void failedFirstImportLeavesNothing()
    {
        const QString db = mDir.filePath(QStringLiteral("new.csdb"));
        const Run r = cli({"import", "carbon", mBad, "--db", db});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(mBad + ":3:19: expected a number, got \"abc\""), qPrintable(r.err));
        QVERIFY(!QFile::exists(db));
        QVERIFY2(leftovers("new.csdb").isEmpty(), qPrintable(leftovers("new.csdb").join(' ')));
        // Also through the library: an exception in the fill leaves nothing.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, NewProjectFile::create(db.toStdString(), [](ProjectStore &) {
            throw std::runtime_error("fill failed");
        }));
        QVERIFY(!QFile::exists(db));
        QVERIFY2(leftovers("new.csdb").isEmpty(), qPrintable(leftovers("new.csdb").join(' ')));
    }

    // A failed import into an existing project leaves it byte-identical.
    void failedImportLeavesProjectIdentical()
    {
        const QString db = makeProject(QStringLiteral("kept.csdb"));
        const QByteArray before = fileHash(db);
        QVERIFY(!before.isEmpty());
        QCOMPARE(cli({"import", "carbon", mBad, "--name", "bad", "--db", db}).status, 2);
        QCOMPARE(cli({"import", "carbon", mCarbon, "--name", "c", "--db", db}).status, 2); // the name exists
        QCOMPARE(fileHash(db), before);
        QFile::remove(db);
    }

    // Two processes creating one new project at once: both succeed, both series are in it.
    void concurrentCreation()
    {
        for (int round = 0; round < 3; ++round) {
            const QString db = mDir.filePath(QStringLiteral("both%1.csdb").arg(round));
            QProcess a, b;
            a.start(QStringLiteral(CARBONSCOPE_CLI), {"import", "carbon", mCarbon, "--name", "a", "--db", db});
            b.start(QStringLiteral(CARBONSCOPE_CLI), {"import", "requests", mRequests, "--name", "b", "--db", db});
            QVERIFY(a.waitForFinished(60000) && b.waitForFinished(60000));
            const QString errors = QString::fromUtf8(a.readAllStandardError() + b.readAllStandardError());
            QVERIFY2(a.exitCode() == 0 && b.exitCode() == 0, qPrintable(errors));
            QVERIFY2(!errors.contains("already exists"), qPrintable(errors));
            ProjectStore store = ProjectStore::open(db.toStdString(), ProjectStore::OpenMode::ReadOnly);
            QCOMPARE(store.loadCarbonSeries("a").values, (std::vector<double>{100, 200, 150}));
            QCOMPARE(store.loadRequestSeries("b").values, (std::vector<double>{5, 7, 6}));
        }
        const QStringList left = leftovers(QStringLiteral("csdb-new"));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(' ')));
    }

    // Names from a file name or --name holding ESC and a newline are listed escaped, never raw.
    void controlCharactersEscaped()
    {
        const QString db = mDir.filePath(QStringLiteral("names.csdb"));
        const QString evil = mDir.filePath(QString::fromUtf8("evil\x1b]0;pwned\x07.csv"));
        writeFile(evil, carbonCsv);
        const Run fromFile = cli({"import", "carbon", evil, "--db", db});
        QVERIFY2(fromFile.status == 0, qPrintable(fromFile.err));
        QVERIFY2(fromFile.out.contains("\"evil\\x1b]0;pwned\\x07\""), qPrintable(fromFile.out));
        QVERIFY2(cli({"import", "requests", mRequests, "--name", QString::fromUtf8("red\x1b[31m\nline"), "--db", db}).status == 0,
                 "import with --name");
        const Run list = cli({"list", "--db", db});
        QCOMPARE(list.status, 0);
        QVERIFY2(list.out.contains("evil\\x1b]0;pwned\\x07"), qPrintable(list.out));
        QVERIFY2(list.out.contains("red\\x1b[31m\\nline"), qPrintable(list.out));
        QVERIFY2(!list.out.contains(QChar(0x1b)) && !list.out.contains(QChar(0x07)), "raw control characters");
        QFile::remove(evil);
    }
};

QTEST_GUILESS_MAIN(TestProjectFiles)
#include "test_project_files.moc"
