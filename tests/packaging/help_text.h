#pragma once
// Reading what a person reads: the option names in a program's --help and in a rendered man page, and running
// the programs that show them. Shared by the packaging suites.
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

struct ProgramRun
{
    int status; // -1 when it crashed or did not finish
    QString out;
    QString err;
};

inline ProgramRun runProgram(const QString &program, const QStringList &args, const QString &workingDir = {},
                             const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                             int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(program, args);
    const bool finished = p.waitForFinished(timeoutMs);
    return {finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

// The option names a help entry starts with: "-h,--help" (CLI11), "-h, --help" (Qt, man), "--pool TEXT=paper",
// "--json Print the totals" (man puts a short tag beside its text): the words up to the first that does not end
// in a comma, split at commas, those that start with '-'.
inline QStringList optionNamesOfEntry(const QString &entry)
{
    QStringList names;
    const QStringList words = entry.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        for (const QString &part : word.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (part.startsWith(QLatin1Char('-')))
                names << part.section(QLatin1Char('='), 0, 0).section(QLatin1Char('<'), 0, 0);
        if (!word.endsWith(QLatin1Char(',')))
            break;
    }
    return names;
}

// Options in --help: the entries indented by exactly two spaces that start with '-'.
inline QSet<QString> helpOptionNames(const QString &help)
{
    QSet<QString> names;
    static const QRegularExpression entry(QStringLiteral("^  -\\S"));
    for (const QString &line : help.split(QLatin1Char('\n')))
        if (entry.match(line).hasMatch())
            for (const QString &name : optionNamesOfEntry(line))
                names.insert(name);
    return names;
}

// Options in a page rendered by man: the OPTIONS section's entries (indented by seven spaces) that start with
// '-'; a section ends at the next heading (a line starting at column 0).
inline QSet<QString> manOptionNames(const QString &rendered)
{
    QSet<QString> names;
    bool inOptions = false;
    static const QRegularExpression entry(QStringLiteral("^ {7}-\\S"));
    for (const QString &line : rendered.split(QLatin1Char('\n'))) {
        if (!line.isEmpty() && !line.front().isSpace())
            inOptions = line.trimmed() == QLatin1String("OPTIONS");
        else if (inOptions && entry.match(line).hasMatch())
            for (const QString &name : optionNamesOfEntry(line))
                names.insert(name);
    }
    return names;
}

// A page as man shows it, as plain text (no pager; formatting stripped since the output is not a terminal).
inline ProgramRun renderManPage(const QString &pagePath)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("200"));
    env.remove(QStringLiteral("MAN_KEEP_FORMATTING"));
    return runProgram(QStringLiteral("man"), {QStringLiteral("-P"), QStringLiteral("cat"), QStringLiteral("-l"),
                                              pagePath}, {}, env);
}

// The subcommands a CLI11 --help lists under "Subcommands:".
inline QStringList helpSubcommands(const QString &help)
{
    QStringList subs;
    bool inSubcommands = false;
    for (const QString &line : help.split(QLatin1Char('\n'))) {
        if (!line.isEmpty() && !line.front().isSpace())
            inSubcommands = line.startsWith(QLatin1String("Subcommands:"));
        else if (inSubcommands && line.startsWith(QLatin1String("  ")) && !line.at(2).isSpace())
            subs << line.trimmed().section(QLatin1Char(' '), 0, 0);
    }
    return subs;
}
