#pragma once
// carbonscope-cli run as a user runs it: shared by the suites that drive the CLI (each names the binary with the
// compile definition CARBONSCOPE_CLI). The files written for it: cs::test::writeFixture (common/fixture_files.h).
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtGlobal>

struct Run
{
    int status; // the exit code; -1 when the program crashed
    QString out;
    QString err;
};

#ifdef CARBONSCOPE_CLI
inline Run cli(const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(QStringLiteral(CARBONSCOPE_CLI), args);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}
#endif
