#pragma once
// Runs carbonscope-cli under the fault-injection shim (tests/faultinject/faultinject.c) and reads back what it
// counted; small file helpers for checking that a target is byte-identical and that no temporary is left.
#include "fixture_files.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStringList>

#include <QThread>

#include <array>
#include <atomic>
#include <thread>
#include <vector>

namespace faults {

// The shim's kinds of call, in the order it reports them.
inline const std::array<const char *, 5> ops{"open", "write", "fsync", "close", "rename"};

struct Run
{
    int status = -1; // -1: crashed or did not finish
    QByteArray out;
    QByteArray err;
};

struct Injection
{
    QString watchedDir;  // CS_FAULT_DIR; empty: no shim
    QString op;          // CS_FAULT_OP; empty: count only
    int nth = 1;         // CS_FAULT_NTH
    int error = 0;       // CS_FAULT_ERRNO; 0: the shim's default, ENOSPC
    QString countsFile;  // CS_FAULT_COUNTS
    QString stdoutFile;  // standard output goes here (e.g. /dev/full); empty: captured
};

// Runs carbonscope-cli, or `program` where one is named.
inline Run runCli(const QStringList &args, const Injection &injection = {}, const QString &program = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!injection.watchedDir.isEmpty()) {
        env.insert("LD_PRELOAD", CARBONSCOPE_FAULT_SHIM);
        env.insert("CS_FAULT_DIR", injection.watchedDir);
        if (!injection.op.isEmpty()) {
            env.insert("CS_FAULT_OP", injection.op);
            env.insert("CS_FAULT_NTH", QString::number(injection.nth));
        }
        if (injection.error)
            env.insert("CS_FAULT_ERRNO", QString::number(injection.error));
        if (!injection.countsFile.isEmpty())
            env.insert("CS_FAULT_COUNTS", injection.countsFile);
    }
    p.setProcessEnvironment(env);
    if (!injection.stdoutFile.isEmpty())
        p.setStandardOutputFile(injection.stdoutFile);
    p.start(program.isEmpty() ? QString(CARBONSCOPE_CLI) : program, args);
    if (!p.waitForFinished(120000)) {
        const QByteArray why = "the CLI did not finish: " + p.errorString().toUtf8();
        p.kill();
        p.waitForFinished();
        return {-1, {}, why};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

struct Job
{
    QStringList args;
    Injection injection;
    QString program; // empty: carbonscope-cli
};

// Runs independent commands a few at a time (each CLI start maps LibTorch: about a second of CPU), in order of
// the results. Every job must write into its own folder.
inline std::vector<Run> runAll(const std::vector<Job> &jobs)
{
    std::vector<Run> runs(jobs.size());
    std::atomic<std::size_t> next{0};
    const int workers = std::max(2, QThread::idealThreadCount());
    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w)
        threads.emplace_back([&] {
            for (std::size_t i = next++; i < jobs.size(); i = next++)
                runs[i] = runCli(jobs[i].args, jobs[i].injection, jobs[i].program);
        });
    for (std::thread &t : threads)
        t.join();
    return runs;
}

// The counts of the last process that reported to `countsFile`: "open=A write=B fsync=C close=D rename=E".
inline std::array<int, 5> lastCounts(const QString &countsFile)
{
    QFile f(countsFile);
    std::array<int, 5> counts{-1, -1, -1, -1, -1};
    if (!f.open(QIODevice::ReadOnly))
        return counts;
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    const QRegularExpression line(R"(^open=(\d+) write=(\d+) fsync=(\d+) close=(\d+) rename=(\d+)$)");
    const auto m = line.match(QString::fromUtf8(lines.last()));
    for (int i = 0; m.hasMatch() && i < 5; ++i)
        counts[static_cast<std::size_t>(i)] = m.captured(i + 1).toInt();
    return counts;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<cannot read " + path.toUtf8() + ">");
}

using cs::test::writeFile; // a file that cannot be written fails the test, naming it

// Every name in the folder, hidden ones (a writer's ".out.csv.<random>.tmp") included.
inline QStringList entries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                  QDir::Name);
}

// Replaces the placeholders of a command (@C, @T ...) by the paths they stand for.
inline QStringList expand(const QStringList &args, const QMap<QString, QString> &paths)
{
    QStringList out;
    for (const QString &a : args)
        out << paths.value(a, a);
    return out;
}

} // namespace faults
