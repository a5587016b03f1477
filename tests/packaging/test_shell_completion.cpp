// The completion scripts the build writes with carbonscope-cli --generate-completion (the carbonscope_help target),
// used as a shell uses them: the bash script is sourced in bash and the function `complete` registered for
// carbonscope-cli is called with the words of a command line, as bash does on <TAB>; what it offers is compared with
// what the CLI's --help lists. The zsh function is loaded by zsh's completion system.
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
        // simulate --help lists two options that start with --car: --carbon and --carbon-column; bash puts their
        // common prefix, --carbon, on the line.
        QCOMPARE(bashCompletes({"carbonscope-cli", "simulate", "--car"}), (QStringList{"--carbon", "--carbon-column"}));
        // A flag takes no value, so the word after it is completed as an option again.
        QCOMPARE(bashCompletes({"carbonscope-cli", "simulate", "--json", "--car"}),
                 (QStringList{"--carbon", "--carbon-column"}));
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
        // compinit finds it on the fpath by its #compdef line and binds it to carbonscope-cli; once loaded, each
        // subcommand has its function.
        const QString script = QStringLiteral(R"(
fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -D
print -r -- "$_comps[carbonscope-cli]"
autoload -Uz +X _carbonscope-cli 2>/dev/null
functions _carbonscope-cli | grep -c "_carbonscope_cli_simulate" )");
        const ProgramRun r = runProgram(QStringLiteral("zsh"), {"-f", "-c", script, "zsh", completionDir});
        QCOMPARE(r.status, 0);
        const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("_carbonscope-cli"));
        QVERIFY2(lines.value(1).toInt() >= 1, qPrintable(r.out + r.err));
    }
};

QTEST_GUILESS_MAIN(TestShellCompletion)
#include "test_shell_completion.moc"
