// carbonscope-cli against decompression bombs: each import is refused with its message and exit status 2, leaves
// no project behind, and its peak memory (the child's own ru_maxrss, from wait4) grows less than 100 MB above what
// the same CLI takes for a three-line import. (The CLI links LibTorch where the build found it, whose libraries
// alone take about 160 MB once loaded; test_input_limits checks the importers' own peak RSS, under 100 MB, in a
// process without them.)
#include "big_input.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <string>
#include <vector>

extern char **environ;

class TestCliLimits : public QObject
{
    Q_OBJECT

    QTemporaryDir mDir;
    QString mLineBomb; // gzip: 1 GiB of 'a', no newline
    QString mBlankBomb; // gzip: a header, then 256 MiB of '\n'
    long mBaselineKb = 0; // the CLI's peak RSS for a three-line import

    struct Run
    {
        int status = -1;
        long maxRssKb = -1;
        QString err;
    };

    // Runs the CLI as a child of this process alone, so that its rusage is its own.
    Run cli(const QStringList &args)
    {
        const QString errPath = mDir.filePath(QStringLiteral("stderr.txt"));
        std::vector<std::string> storage{CARBONSCOPE_CLI};
        for (const QString &a : args)
            storage.push_back(a.toStdString());
        std::vector<char *> argv;
        for (std::string &s : storage)
            argv.push_back(s.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, errPath.toLocal8Bit().constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        pid_t pid = 0;
        Run r;
        if (posix_spawn(&pid, CARBONSCOPE_CLI, &actions, nullptr, argv.data(), environ) != 0)
            return r;
        posix_spawn_file_actions_destroy(&actions);
        int status = 0;
        rusage usage{};
        if (wait4(pid, &status, 0, &usage) != pid)
            return r;
        r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.maxRssKb = usage.ru_maxrss; // kilobytes on Linux
        QFile err(errPath);
        if (err.open(QIODevice::ReadOnly))
            r.err = QString::fromUtf8(err.readAll());
        return r;
    }

    void expectRefused(const QStringList &args, const QString &message, const QString &db)
    {
        const Run r = cli(args);
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.maxRssKb > 0 && r.maxRssKb - mBaselineKb < 100 * 1000,
                 qPrintable(QString("peak RSS %1 kB, %2 kB for a small import").arg(r.maxRssKb).arg(mBaselineKb)));
        QVERIFY2(!QFile::exists(db), "a failed first import left a project file");
        qInfo("peak RSS %ld kB (%ld kB above a three-line import)", r.maxRssKb, r.maxRssKb - mBaselineKb);
    }

private slots:
    void initTestCase()
    {
        mLineBomb = mDir.filePath(QStringLiteral("line.csv.gz"));
        const qint64 size = biginput::writeGzip(mLineBomb, {}, QByteArray(1 << 20, 'a'), 1024);
        // 1 GiB in about 1 MB: deflate's ratio on one repeated byte is about 1030:1.
        QVERIFY2(size > 0 && size < 2'000'000, qPrintable(QString::number(size)));
        mBlankBomb = mDir.filePath(QStringLiteral("blank.csv.gz"));
        QVERIFY(biginput::writeGzip(mBlankBomb, "time,count\n", QByteArray(1 << 20, '\n'), 256) > 0);
        const QString small = mDir.filePath(QStringLiteral("small.csv"));
        biginput::writeFile(small, "time,value\n2023-06-01T00:00Z,1\n2023-06-01T00:30Z,2\n");
        const Run r = cli({"import", "carbon", small, "--db", mDir.filePath(QStringLiteral("small.csdb"))});
        QCOMPARE(r.status, 0);
        mBaselineKb = r.maxRssKb;
        qInfo("a three-line import: peak RSS %ld kB", mBaselineKb);
    }

    void oneLongLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("requests csv") << QStringList{"import", "requests", "--format", "csv"};
        QTest::newRow("carbon csv") << QStringList{"import", "carbon"};
        QTest::newRow("twitter") << QStringList{"import", "requests", "--format", "twitter", "--start", "2020-03-01T00:00Z"};
    }

    // The case: 1 MB of gzip inflating to one 1 GiB line used 5.4 GB.
    void oneLongLine()
    {
        QFETCH(QStringList, args);
        const QString db = mDir.filePath(QStringLiteral("new.csdb"));
        expectRefused(args + QStringList{mLineBomb, "--db", db}, mLineBomb + ":1:1: line longer than 1048576 bytes", db);
    }

    // Blank lines are skipped, so only the ratio stops this one (after the first 64 MiB).
    void blankLinesRatio()
    {
        const QString db = mDir.filePath(QStringLiteral("new.csdb"));
        expectRefused({"import", "requests", mBlankBomb, "--format", "csv", "--db", db},
                      "bytes per compressed byte", db);
    }

    // One JSON string of 256 MiB.
    void jsonString()
    {
        const QString bomb = mDir.filePath(QStringLiteral("string.json.gz"));
        QVERIFY(biginput::writeGzip(bomb, "{\"data\": [{\"from\": \"", QByteArray(1 << 20, 'a'), 256, "\"}]}") > 0);
        const QString db = mDir.filePath(QStringLiteral("new.csdb"));
        expectRefused({"import", "carbon", bomb, "--format", "ukci", "--db", db},
                      bomb + ":1:20: a JSON string longer than 1048576 bytes", db);
    }
};

QTEST_GUILESS_MAIN(TestCliLimits)
#include "test_cli_limits.moc"
