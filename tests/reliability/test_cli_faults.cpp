// Every file carbonscope-cli writes, under injected I/O faults in the manner of SQLite's I/O error tests: for each
// writer and each kind of call (open, write, fsync, close, rename), the Nth call fails for every N a clean run
// makes, and each time the command must exit 2 naming the path and the OS error, leave the target byte for byte
// as it was and leave no temporary beside it. Then /dev/full as the file and as standard output, and the targets
// refused before anything runs (the project itself, another SQLite file, a folder). Each run has its own folder, so
// the runs of a phase go side by side: every CLI start costs about a second of CPU (LibTorch's start-up).
#include "cli_fault_cases.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>

#include <unistd.h>

using namespace faults;

namespace {

constexpr int bufferBytes = 64 * 1024; // AtomicFile's buffer: S bytes take at least ceil(S / 64 KiB) write() calls

} // namespace

class TestCliFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir mRoot;
    QString mCarbon = CARBONSCOPE_SOURCE_DIR "/data/carbon_south_west_england_2023-06.csv";
    QString mRequests = CARBONSCOPE_SOURCE_DIR "/data/requests_wikipedia_en_2023-06.csv";
    QString mProject; // the fixture project; every case works on its own copy
    int mCases = 0;
    std::array<int, 5> mFaults{};
    int mDirs = 0;

    // A fresh folder for one run: out/ (watched by the shim) and a copy of the project beside it, not watched.
    struct Place
    {
        QString dir, out, db, target;
    };
    Place newPlace(const QString &targetName)
    {
        Place p;
        p.dir = mRoot.path() + "/run" + QString::number(++mDirs);
        p.out = p.dir + "/out";
        QDir().mkpath(p.out);
        p.db = p.dir + "/project.csdb";
        if (!QFile::copy(mProject, p.db))
            qFatal("cannot copy the fixture project to %s", qPrintable(p.db));
        p.target = p.out + "/" + targetName;
        return p;
    }
    QMap<QString, QString> paths(const Place &p) const
    {
        return {{"@C", mCarbon}, {"@R", mRequests}, {"@DB", p.db}, {"@T", p.target},
                {"@NEW", p.dir + "/new.csdb"}};
    }

    void checkWritersUnderFaults(const QList<Writer> &writers);

private slots:
    void initTestCase();
    void everyWriterLeavesItsTargetWholeUnderEveryFault();
    void theOsErrorIsReportedAsItIs();
    void devFullAsTheOutputFileFails();
    void devFullAsStandardOutputFails();
    void exportPrintingNothingSucceedsWithStandardOutputFull();
    void outputOverAProjectIsRefusedBeforeAnythingRuns();
    void aFailedExportLeavesTheTargetAsItWas();
    void foldersAndMissingFoldersAreRefused();
    void cleanupTestCase();
};

void TestCliFaults::initTestCase()
{
    QVERIFY(mRoot.isValid());
    QVERIFY2(QFile::exists(CARBONSCOPE_CLI), CARBONSCOPE_CLI);
    QVERIFY2(QFile::exists(CARBONSCOPE_FAULT_SHIM), CARBONSCOPE_FAULT_SHIM);
    QVERIFY(QFile::exists(mCarbon) && QFile::exists(mRequests));
    // The fixture: both traces imported, a scenario over them and one saved run (#1).
    mProject = mRoot.path() + "/fixture.csdb";
    const QList<QStringList> setup{
        {"import", "carbon", mCarbon, "--name", "sw", "--db", mProject},
        {"import", "requests", mRequests, "--name", "wiki", "--db", mProject},
        {"scenario", "add", "--db", mProject, "--name", "june", "--carbon", "sw", "--requests", "wiki", "--pool", "resnets"},
        {"simulate", "--db", mProject, "--scenario", "june"},
    };
    for (const QStringList &args : setup) {
        const Run r = runCli(args);
        QVERIFY2(r.status == 0, qPrintable(context(args.join(' '), r)));
    }
}

// For each writer: a clean run to learn how many calls of each kind it makes, then every one of them failed.
// The runs of each phase go side by side (every run has its own folder).
void TestCliFaults::checkWritersUnderFaults(const QList<Writer> &writers)
{
    std::vector<Place> cleanPlaces;
    std::vector<Job> cleanJobs;
    for (const Writer &w : writers) {
        cleanPlaces.push_back(newPlace(w.targetName));
        const Place &p = cleanPlaces.back();
        QVERIFY(writeFile(p.target, knownContent(w.name)));
        cleanJobs.push_back({expand(w.args, paths(p)), {p.out, {}, 1, 0, p.dir + "/counts", {}}, w.program});
    }
    const std::vector<Run> cleanRuns = runAll(cleanJobs);

    struct Fault
    {
        const Writer *writer;
        int op, nth;
        Place place;
        QByteArray dbBefore;
    };
    std::vector<Fault> faults;
    std::vector<Job> jobs;
    for (qsizetype i = 0; i < writers.size(); ++i) {
        const Writer &w = writers[i];
        const Place &clean = cleanPlaces[static_cast<std::size_t>(i)];
        const Run &c = cleanRuns[static_cast<std::size_t>(i)];
        const QByteArray known = knownContent(w.name);
        ++mCases;
        QVERIFY2(c.status == 0, qPrintable(context(QString(w.name) + " clean", c)));
        const QByteArray written = readFile(clean.target);
        QVERIFY2(written != known && !written.isEmpty(), w.name);
        QCOMPARE(entries(clean.out), QStringList{w.targetName});
        const std::array<int, 5> n = lastCounts(clean.dir + "/counts");
        // One atomic write: one temporary opened, written (streamed output in 64 KiB buffers; bytes already in
        // memory, as the GUI's rendered charts, in one call), fsync'd once, closed once, renamed once.
        QCOMPARE(n[0], 1);
        const bool streamed = w.program.isEmpty() || w.program == QLatin1String(CARBONSCOPE_POOL_WRITER);
        QVERIFY2(n[1] >= (streamed ? (written.size() + bufferBytes - 1) / bufferBytes : 1),
                 qPrintable(QString::number(n[1])));
        QCOMPARE(n[2], 1);
        QCOMPARE(n[3], 1);
        QCOMPARE(n[4], 1);
        for (int op = 0; op < 5; ++op)
            for (int nth = 1; nth <= n[static_cast<std::size_t>(op)]; ++nth) {
                Fault f{&w, op, nth, newPlace(w.targetName), {}};
                QVERIFY(writeFile(f.place.target, known));
                f.dbBefore = readFile(f.place.db);
                jobs.push_back({expand(w.args, paths(f.place)),
                                {f.place.out, ops[static_cast<std::size_t>(op)], nth, 0, f.place.dir + "/counts", {}},
                                w.program});
                faults.push_back(std::move(f));
            }
    }

    const std::vector<Run> runs = runAll(jobs);
    for (std::size_t i = 0; i < faults.size(); ++i) {
        const Fault &f = faults[i];
        const Run &r = runs[i];
        const QString what =
            QString("%1, %2 #%3 failed").arg(f.writer->name, ops[static_cast<std::size_t>(f.op)]).arg(f.nth);
        ++mCases;
        ++mFaults[static_cast<std::size_t>(f.op)];
        // The fault was reached: the shim saw at least N calls of that kind.
        QVERIFY2(lastCounts(f.place.dir + "/counts")[static_cast<std::size_t>(f.op)] >= f.nth, qPrintable(what));
        QVERIFY2(r.status == 2, qPrintable(context(what, r)));
        QVERIFY2(r.err.contains(f.place.target.toUtf8()), qPrintable(context(what + ": the path is named", r)));
        QVERIFY2(r.err.contains(std::strerror(ENOSPC)), qPrintable(context(what + ": the OS error is named", r)));
        QVERIFY2(readFile(f.place.target) == knownContent(f.writer->name), qPrintable(what + ": the target changed"));
        QVERIFY2(entries(f.place.out) == QStringList{f.writer->targetName},
                 qPrintable(what + ": left " + entries(f.place.out).join(", ")));
        // Nothing saved in the project either: simulate and compare save their runs after the file is in place.
        if (f.writer->usesProject)
            QVERIFY2(readFile(f.place.db) == f.dbBefore, qPrintable(what + ": the project changed"));
        QVERIFY2(!r.err.contains("saved run"), qPrintable(context(what, r)));
    }
}

void TestCliFaults::everyWriterLeavesItsTargetWholeUnderEveryFault()
{
    QList<Writer> underFaults;
    for (const Writer &w : writers())
        if (w.failedUnderFaults)
            underFaults << w;
    checkWritersUnderFaults(underFaults);
}

void TestCliFaults::theOsErrorIsReportedAsItIs()
{
    // Not always "No space left on device": the message carries whatever the system said.
    const Writer w = writers().front();
    const struct { int op; int error; } cases[] = {{0, EACCES}, {1, EIO}, {4, EROFS}}; // open, write, rename
    std::vector<Place> places;
    std::vector<Job> jobs;
    for (const auto &c : cases) {
        places.push_back(newPlace(w.targetName));
        QVERIFY(writeFile(places.back().target, knownContent(w.name)));
        jobs.push_back({expand(w.args, paths(places.back())),
                        {places.back().out, ops[static_cast<std::size_t>(c.op)], 1, c.error, {}, {}}});
    }
    const std::vector<Run> runs = runAll(jobs);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const auto &c = cases[i];
        const QString what = QString("%1 with %2 failing: %3")
                                 .arg(w.name, ops[static_cast<std::size_t>(c.op)], std::strerror(c.error));
        ++mCases;
        ++mFaults[static_cast<std::size_t>(c.op)];
        QVERIFY2(runs[i].status == 2, qPrintable(context(what, runs[i])));
        QVERIFY2(runs[i].err.contains(std::strerror(c.error)), qPrintable(context(what, runs[i])));
        QCOMPARE(readFile(places[i].target), knownContent(w.name));
        QCOMPARE(entries(places[i].out), QStringList{w.targetName});
    }
}

void TestCliFaults::devFullAsTheOutputFileFails()
{
    // The real device, no shim: a file written in place, whose first write fails.
    // The GUI's writers tell a chart's format by its suffix, as its file dialog gives one: they write through a
    // link named like their target (AtomicFile follows it to the device) and name the link.
    std::vector<Job> jobs;
    std::vector<Place> places;
    std::vector<QString> named;
    for (const Writer &w : writers()) {
        places.push_back(newPlace(w.targetName));
        QMap<QString, QString> p = paths(places.back());
        p["@T"] = "/dev/full";
        if (!w.program.isEmpty() && w.program != QLatin1String(CARBONSCOPE_POOL_WRITER)) {
            p["@T"] = places.back().target;
            QVERIFY(QFile::link("/dev/full", p["@T"]));
        }
        named.push_back(p["@T"]);
        jobs.push_back({expand(w.args, p), {}, w.program});
    }
    const std::vector<Run> runs = runAll(jobs);
    const QByteArray fixture = readFile(mProject);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Writer &w = writers()[static_cast<qsizetype>(i)];
        const QString what = QString(w.name) + " into /dev/full";
        ++mCases;
        QVERIFY2(runs[i].status == 2, qPrintable(context(what, runs[i])));
        QVERIFY2(runs[i].err.contains((named[i] + ": cannot write").toUtf8()), qPrintable(context(what, runs[i])));
        QVERIFY2(runs[i].err.contains(std::strerror(ENOSPC)), qPrintable(context(what, runs[i])));
        QVERIFY2(!runs[i].err.contains("saved run"), qPrintable(context(what, runs[i])));
        if (w.usesProject)
            QVERIFY2(readFile(places[i].db) == fixture, qPrintable(what + ": the project changed"));
    }
}

void TestCliFaults::devFullAsStandardOutputFails()
{
    // Every command that prints, its standard output on /dev/full: a message and status 2, as coreutils do.
    const QList<QStringList> commands = printingCommands();
    std::vector<Job> jobs;
    for (const QStringList &c : commands) {
        const Place p = newPlace("unused");
        jobs.push_back({expand(c, paths(p)), {}});
        jobs.back().injection.stdoutFile = "/dev/full";
    }
    const std::vector<Run> runs = runAll(jobs);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const QString what = commands[static_cast<qsizetype>(i)].join(' ') + " > /dev/full";
        ++mCases;
        QVERIFY2(runs[i].status == 2, qPrintable(context(what, runs[i])));
        QVERIFY2(runs[i].err.contains(QByteArray("carbonscope-cli: error: standard output: ") + std::strerror(ENOSPC)),
                 qPrintable(context(what, runs[i])));
    }
}

void TestCliFaults::exportPrintingNothingSucceedsWithStandardOutputFull()
{
    // The check of standard output must not fail a command that prints nothing: export writes only its file.
    const Place p = newPlace("carbon.csv");
    Injection toDevFull;
    toDevFull.stdoutFile = "/dev/full";
    const Run r = runCli({"export", "--db", p.db, "--series", "sw", "--csv", p.target}, toDevFull);
    ++mCases;
    QVERIFY2(r.status == 0, qPrintable(context("export > /dev/full", r)));
    // The fixture's carbon series is the default scenario's: a header and one row per half-hour of June 2023.
    QCOMPARE(readFile(p.target).count('\n'), 1 + 30 * 48);
}

void TestCliFaults::outputOverAProjectIsRefusedBeforeAnythingRuns()
{
    const Place p = newPlace("unused");
    const QByteArray project = readFile(p.db);
    const QString other = p.dir + "/other.csdb"; // another SQLite file, not the one the command uses
    QVERIFY(QFile::copy(p.db, other));
    const QString symlink = p.out + "/link.csv", hardlink = p.out + "/hard.csv";
    QVERIFY(QFile::link(p.db, symlink));
    QVERIFY(::link(p.db.toLocal8Bit().constData(), hardlink.toLocal8Bit().constData()) == 0);
    // A project that is not a database yet (0 bytes, or not created) is still the command's project.
    const QString empty = p.dir + "/empty.csdb", fresh = p.dir + "/fresh.csdb";
    QVERIFY(writeFile(empty, {}));
    struct Refusal
    {
        QStringList args;
        QString target;
    };
    QList<Refusal> cases{
        {{"export", "--db", p.db, "--series", "sw", "--csv", p.db}, p.db},
        {{"simulate", "--db", p.db, "--scenario", "june", "--csv", p.db}, p.db},
        {{"compare", "--db", p.db, "--scenario", "june", "--csv", p.db}, p.db},
        {{"simulate", "--db", p.db, "--scenario", "june", "--csv", symlink}, symlink},
        {{"export", "--db", p.db, "--run", "1", "--csv", hardlink}, hardlink},
        {{"simulate", "--carbon", mCarbon, "--csv", other}, other},
        {{"compare", "--carbon", mCarbon, "--pool", "resnets", "--csv", other}, other},
        {{"simulate", "--db", empty, "--scenario", "june", "--csv", empty}, empty},
        {{"export", "--db", empty, "--series", "sw", "--csv", empty}, empty},
    };
#ifdef CARBONSCOPE_CLI_HAS_ENGINE
    cases << Refusal{QStringList(profileArgs) << p.db << "--db" << p.db, p.db}
          << Refusal{QStringList(profileArgs) << fresh << "--db" << fresh, fresh};
#endif
    std::vector<Job> jobs;
    for (const Refusal &c : cases)
        jobs.push_back({c.args, {}});
    const std::vector<Run> runs = runAll(jobs);
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const Refusal &c = cases[i];
        const Run &r = runs[static_cast<std::size_t>(i)];
        const QString what = c.args.join(' ');
        ++mCases;
        QVERIFY2(r.status == 2, qPrintable(context(what, r)));
        QVERIFY2(r.err.contains(c.target.toUtf8() + ": is "), qPrintable(context(what, r)));
        QVERIFY2(r.err.contains("refusing to overwrite"), qPrintable(context(what, r)));
        // Refused before the work: no run saved, no profiling started (its first line names the meter).
        QVERIFY2(!r.err.contains("saved run") && !r.err.contains("meter:"), qPrintable(context(what, r)));
    }
    QCOMPARE(readFile(p.db), project);
    QCOMPARE(readFile(other), project);
    QCOMPARE(readFile(empty), QByteArray());
    QVERIFY(!QFile::exists(fresh));
    QVERIFY(QFileInfo(symlink).isSymLink());
    QCOMPARE(entries(p.out), (QStringList{"hard.csv", "link.csv"}));
    // The project still opens and holds the fixture's one run.
    ++mCases;
    const Run list = runCli({"list", "--db", p.db});
    QCOMPARE(list.status, 0);
    QCOMPARE(runsListed(list.out), 1);
}

void TestCliFaults::aFailedExportLeavesTheTargetAsItWas()
{
    // The fixture holds carbon "sw", requests "wiki" and run #1 only.
    const QList<QStringList> bad{
        {"--series", "no such series"},
        {"--series", "sw", "--kind", "requests"},
        {"--series", "wiki", "--kind", "carbon"},
        {"--series", "sw", "--kind", "watts"},
        {"--run", "2"},
        {"--series", "sw", "--run", "1"},
    };
    std::vector<Place> places;
    std::vector<Job> jobs;
    for (const QStringList &args : bad) {
        places.push_back(newPlace("kept.csv"));
        QVERIFY(writeFile(places.back().target, knownContent("export " + args.join(' '))));
        jobs.push_back({QStringList{"export", "--db", places.back().db, "--csv", places.back().target} + args, {}});
    }
    const std::vector<Run> runs = runAll(jobs);
    for (qsizetype i = 0; i < bad.size(); ++i) {
        const Place &p = places[static_cast<std::size_t>(i)];
        const Run &r = runs[static_cast<std::size_t>(i)];
        const QString what = "export " + bad[i].join(' ');
        ++mCases;
        QVERIFY2(r.status == 2, qPrintable(context(what, r)));
        QVERIFY2(r.err.startsWith("carbonscope-cli: error: "), qPrintable(context(what, r)));
        QCOMPARE(readFile(p.target), knownContent(what));
        QCOMPARE(entries(p.out), QStringList{"kept.csv"});
    }
}

void TestCliFaults::foldersAndMissingFoldersAreRefused()
{
    const Place p = newPlace("unused");
    const QString missing = p.dir + "/missing/intervals.csv";
    const std::vector<Run> runs = runAll({{{"simulate", "--carbon", mCarbon, "--csv", p.out}, {}},
                                          {{"simulate", "--carbon", mCarbon, "--csv", missing}, {}}});
    mCases += 2;
    const Run &folder = runs[0], &gone = runs[1];
    QVERIFY2(folder.status == 2 && folder.err.contains(p.out.toUtf8() + ": is a folder"),
             qPrintable(context("--csv FOLDER", folder)));
    QVERIFY(entries(p.out).isEmpty());
    QVERIFY2(gone.status == 2 && gone.err.contains(missing.toUtf8()) && gone.err.contains(std::strerror(ENOENT)),
             qPrintable(context("--csv MISSING/FILE", gone)));
    QVERIFY(!QFile::exists(p.dir + "/missing"));
}

void TestCliFaults::cleanupTestCase()
{
    int faults = 0;
    QStringList perOp;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        faults += mFaults[i];
        perOp << QString("%1 %2").arg(ops[i]).arg(mFaults[i]);
    }
    qInfo("%d cases, %d injected faults (%s)", mCases, faults, qPrintable(perOp.join(", ")));
}

QTEST_GUILESS_MAIN(TestCliFaults)
#include "test_cli_faults.moc"
