#pragma once
// carbonscope-cli run as a user runs it, and small files written for it: shared by the suites that drive the CLI
// (each names the binary with the compile definition CARBONSCOPE_CLI).
#include <QFile>
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
inline Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(CARBONSCOPE_CLI), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}
#endif

// Writes `text` to dir/name and returns the path; a test that cannot write its input stops at once.
inline QString writeTestFile(const QString &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir + "/" + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}
