// A failed or cancelled import leaves the project exactly as it was: the same rows, and after closing, the same
// bytes in the database file.
#include "import_context.h"
#include "import_test_util.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace cs;
using namespace testutil;

static QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Every row of every table, as text (independent of file layout).
static std::string contents(ProjectStore &store)
{
    std::string out;
    Statement tables = store.database().prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (tables.step()) {
        const std::string table = tables.columnText(0);
        out += "[" + table + "]\n";
        Statement rows = store.database().prepare("SELECT * FROM \"" + table + "\" ORDER BY 1, 2");
        while (rows.step()) {
            for (int c = 0; c < 4; ++c)
                out += rows.columnText(c) + "|";
            out += "\n";
        }
    }
    return out;
}

// A CSV of n good rows and then one bad row, so that the failure comes after many inserts.
static QByteArray longCsvFailingAtTheEnd(int n)
{
    QByteArray csv = "time,value\n";
    for (int i = 0; i < n; ++i)
        csv += QByteArray::number(1685577600LL + i * 60) + "," + QByteArray::number(i % 500) + "\n";
    csv += "1785577600,not-a-number\n";
    return csv;
}

class TestImportAtomicity : public QObject
{
    Q_OBJECT

    QTemporaryDir mDir;

    // A project holding one imported series, closed (checkpointed).
    QString baseProject(const char *name)
    {
        const QString db = mDir.filePath(QString::fromLatin1(name));
        const QString good = mDir.filePath("good.csv");
        writeFile(good, "time,value\n2023-06-01T00:00Z,100\n2023-06-01T00:30Z,200\n");
        ProjectStore store = ProjectStore::open(db.toStdString());
        ImportRunner::importFile(store, good.toStdString(), options(SeriesKind::Carbon, "csv", "kept"));
        return db;
    }

private slots:
    void failedImportChangesNothing()
    {
        const QString db = baseProject("fail.csdb");
        const QByteArray before = fileHash(db);
        const QString bad = mDir.filePath("bad at the end.csv");
        writeFile(bad, longCsvFailingAtTheEnd(200000)); // 200,000 inserts, then the error on line 200,002
        {
            ProjectStore store = ProjectStore::open(db.toStdString());
            const std::string rows = contents(store);
            const auto e = importError(store, bad, options(SeriesKind::Carbon, "csv", "new"));
            QVERIFY2(e, "the bad file was accepted");
            QCOMPARE(e->line(), 200002);
            QCOMPARE(contents(store), rows);
            QVERIFY(!store.hasSeries(SeriesKind::Carbon, "new"));
        }
        QCOMPARE(fileHash(db), before);
    }

    void failedReplaceKeepsTheOldSeries()
    {
        const QString db = baseProject("replace.csdb");
        const QString bad = mDir.filePath("bad.csv");
        writeFile(bad, longCsvFailingAtTheEnd(1000));
        ProjectStore store = ProjectStore::open(db.toStdString());
        ImportOptions o = options(SeriesKind::Carbon, "csv", "kept");
        o.replace = true;
        QVERIFY_THROWS_EXCEPTION(ParseError, ImportRunner::importFile(store, bad.toStdString(), o));
        QCOMPARE(store.loadCarbonSeries("kept").values, (std::vector<double>{100, 200}));
    }

    void cancelChangesNothing()
    {
        const QString db = baseProject("cancel.csdb");
        const QByteArray before = fileHash(db);
        const QString big = mDir.filePath("big.csv");
        QByteArray csv = longCsvFailingAtTheEnd(300000);
        csv.chop(QByteArray("1785577600,not-a-number\n").size());
        writeFile(big, csv);
        {
            ProjectStore store = ProjectStore::open(db.toStdString());
            const std::string rows = contents(store);
            ImportOptions o = options(SeriesKind::Carbon, "csv", "cancelled");
            std::uint64_t lastDone = 0, total = 0;
            int calls = 0;
            bool backwards = false;
            // Cancel once the second megabyte has been read (the source reads 1 MiB at a time).
            o.progress = [&](std::uint64_t done, std::uint64_t all) -> bool {
                ++calls;
                backwards = backwards || done < lastDone; // progress never goes back
                lastDone = done;
                total = all;
                return done < (2u << 20);
            };
            QVERIFY_THROWS_EXCEPTION(ImportCancelled, ImportRunner::importFile(store, big.toStdString(), o));
            QVERIFY(calls >= 2);
            QVERIFY(!backwards);
            QCOMPARE(total, static_cast<std::uint64_t>(csv.size()));
            QCOMPARE(contents(store), rows);
        }
        QCOMPARE(fileHash(db), before);
    }

    void progressReachesTheFileSize()
    {
        const QString db = mDir.filePath("progress.csdb");
        const QString csv = mDir.filePath("ok.csv");
        QByteArray text = longCsvFailingAtTheEnd(50000);
        text.chop(QByteArray("1785577600,not-a-number\n").size());
        writeFile(csv, text);
        ProjectStore store = ProjectStore::open(db.toStdString());
        ImportOptions o = options(SeriesKind::Carbon, "csv", "p");
        std::uint64_t last = 0;
        o.progress = [&](std::uint64_t done, std::uint64_t) {
            last = done;
            return true;
        };
        const ImportResult r = ImportRunner::importFile(store, csv.toStdString(), o);
        QCOMPARE(last, static_cast<std::uint64_t>(text.size()));
        QCOMPARE(r.points, 50000LL);
    }
};

QTEST_GUILESS_MAIN(TestImportAtomicity)
#include "test_import_atomicity.moc"
