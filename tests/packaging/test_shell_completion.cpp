// The completion scripts the build writes with carbonscope-cli --generate-completion (the carbonscope_help target),
// used as a shell uses them: the bash script is sourced in bash and the function `complete` registered for
// carbonscope-cli is called with the words of a command line, as bash does on <TAB>; what it offers is compared with
// what the CLI's --help lists. The zsh function is found by compinit, and <TAB> is typed into an interactive zsh.
#include "help_text.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString completionDir = QStringLiteral(CARBONSCOPE_HELP_DIR "/completion");

// What bash offers for the command line `words` (the last word is the one being completed), sorted; run in `dir`.
QStringList bashCompletes(const QStringList &words, const QString &dir = QDir::currentPath())
{
    const QString script = QStringLiteral(R"(
source "$1" || exit 3
shift
fn=$(complete -p carbonscope-cli | sed -n 's/.*-F \([^ ]*\).*/\1/p')
[ -n "$fn" ] || exit 4
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
"$fn" carbonscope-cli "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}" | sort
)");
    const ProgramRun r = runProgram(QStringLiteral("bash"),
                                    QStringList{"--norc", "-c", script, "bash", completionDir + "/carbonscope-cli"} +
                                        words,
                                    dir);
    if (r.status != 0 || !r.err.isEmpty())
        qWarning("bash: status %d: %s", r.status, qPrintable(r.err));
    return r.out.split('\n', Qt::SkipEmptyParts);
}

// What bash inserts when it offers several words.
QString commonPrefix(const QStringList &words)
{
    QString prefix = words.value(0);
    for (const QString &w : words)
        while (!w.startsWith(prefix))
            prefix.chop(1);
    return prefix;
}

QString cliHelp(const QStringList &command)
{
    return runProgram(QStringLiteral(CARBONSCOPE_CLI), QStringList(command) << QStringLiteral("--help")).out;
}

} // namespace

class TestShellCompletion : public QObject
{
    Q_OBJECT

private slots:
    void bashCompletesASubcommand()
    {
        // Of the subcommands --help lists, only simulate starts with "sim".
        QCOMPARE(bashCompletes({"carbonscope-cli", "sim"}), QStringList{"simulate"});
        QCOMPARE(bashCompletes({"carbonscope-cli", "fro"}), QStringList{"frontier"});
    }

    void bashCompletesAnOptionOfTheSubcommand()
    {
        // The options simulate --help lists that start with --car (--carbon, --carbon-column, ...); bash puts their
        // common prefix, --carbon, on the line.
        QStringList expected;
        for (const QString &option : helpOptionNames(cliHelp({"simulate"})))
            if (option.startsWith("--car"))
                expected << option;
        expected.sort();
        QVERIFY(expected.contains("--carbon") && expected.contains("--carbon-column"));
        const QStringList offered = bashCompletes({"carbonscope-cli", "simulate", "--car"});
        QCOMPARE(offered, expected);
        QCOMPARE(commonPrefix(offered), QStringLiteral("--carbon"));
        // A flag takes no value, so the word after it is completed as an option again.
        QCOMPARE(bashCompletes({"carbonscope-cli", "simulate", "--json", "--car"}), expected);
    }

    void bashOffersEveryOptionAndSubcommandHelpLists()
    {
        QStringList options = helpOptionNames(cliHelp({"simulate"})).values();
        options.sort();
        QCOMPARE(bashCompletes({"carbonscope-cli", "simulate", "-"}), options);
        QStringList subcommands = helpSubcommands(cliHelp({}));
        subcommands.sort();
        QCOMPARE(bashCompletes({"carbonscope-cli", ""}), subcommands);
    }

    void bashCompletesAFileForAnOptionsValue()
    {
        QTemporaryDir dir;
        for (const char *name : {"carbon_june.csv", "carbon_july.csv", "requests.csv"})
            QVERIFY(QFile(dir.filePath(name)).open(QIODevice::WriteOnly));
        QCOMPARE(bashCompletes({"carbonscope-cli", "simulate", "--carbon", "carbon_"}, dir.path()),
                 (QStringList{"carbon_july.csv", "carbon_june.csv"}));
        // The value is not taken for a subcommand or an option: after it, options again.
        QCOMPARE(bashCompletes({"carbonscope-cli", "simulate", "--carbon", "x.csv", "--js"}, dir.path()),
                 QStringList{"--json"});
    }

    void bashCompletesListedValuesAndNestedSubcommands()
    {
        // import --help: "kind TEXT:{carbon,requests}" is its first positional.
        QVERIFY(cliHelp({"import"}).contains("TEXT:{carbon,requests}"));
        QCOMPARE(bashCompletes({"carbonscope-cli", "import", "r"}), QStringList{"requests"});
        // scenario has the subcommand add, and add has the option --db.
        QCOMPARE(bashCompletes({"carbonscope-cli", "scenario", "a"}), QStringList{"add"});
        QVERIFY(bashCompletes({"carbonscope-cli", "scenario", "add", "--d"}).contains("--db"));
    }

    void zshLoadsTheFunction()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("zsh")).isEmpty())
            QSKIP("zsh is not installed (scripts/install-deps.sh test installs it)");
        const QString file = completionDir + "/_carbonscope-cli";
        QCOMPARE(runProgram(QStringLiteral("zsh"), {"-n", file}).status, 0); // it parses
        // compinit finds it on the fpath by its #compdef line and binds it to carbonscope-cli.
        const QString script = QStringLiteral(R"(
fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -D
print -r -- "$_comps[carbonscope-cli]" )");
        const ProgramRun r = runProgram(QStringLiteral("zsh"), {"-f", "-c", script, "zsh", completionDir});
        QCOMPARE(r.status, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("_carbonscope-cli"));
    }

    // <TAB> typed into an interactive zsh (tests/packaging/zsh_complete.zsh drives one on a pseudo-terminal).
    void zshCompletesSubcommandsOptionsAndValues()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("zsh")).isEmpty())
            QSKIP("zsh is not installed (scripts/install-deps.sh test installs it)");
        QTemporaryDir dir;
        const auto zshCompletes = [&dir](const QString &line) {
            const QString out = dir.filePath("matches");
            QFile::remove(out);
            const ProgramRun r = runProgram(QStringLiteral("zsh"), {"-f", QStringLiteral(CARBONSCOPE_SOURCE_DIR
                                                                    "/tests/packaging/zsh_complete.zsh"),
                                                                    completionDir, line, out},
                                            dir.path(), QProcessEnvironment::systemEnvironment(), 60000);
            QFile f(out);
            if (r.status != 0 || !f.open(QIODevice::ReadOnly))
                qWarning("zsh: status %d: %s", r.status, qPrintable(r.err));
            return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
        };
        QCOMPARE(zshCompletes("carbonscope-cli sim"), QStringList{"simulate"});
        QStringList carOptions;
        for (const QString &option : helpOptionNames(cliHelp({"simulate"})))
            if (option.startsWith("--car"))
                carOptions << option;
        carOptions.sort();
        QCOMPARE(zshCompletes("carbonscope-cli simulate --car"), carOptions);
        QCOMPARE(zshCompletes("carbonscope-cli import r"), QStringList{"requests"});
        QCOMPARE(zshCompletes("carbonscope-cli scenario a"), QStringList{"add"});
        QStringList subcommands = helpSubcommands(cliHelp({}));
        subcommands.sort();
        QCOMPARE(zshCompletes("carbonscope-cli "), subcommands);
    }
};

QTEST_GUILESS_MAIN(TestShellCompletion)
#include "test_shell_completion.moc"
