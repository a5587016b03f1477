// The man pages the build writes with carbonscope-cli --generate-man (the carbonscope_help target) say what --help
// says: every command, at any depth, has a page, and the page as man renders it lists exactly the options its
// --help lists. The desktop app's hand-written page is held to `carbonscope --help` the same way.
#include "help_text.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString cliPath = QStringLiteral(CARBONSCOPE_CLI);
const QString manDir = QStringLiteral(CARBONSCOPE_HELP_DIR "/man");

QString help(const QStringList &command)
{
    const ProgramRun r = runProgram(cliPath, QStringList(command) << QStringLiteral("--help"));
    if (r.status != 0)
        qWarning("%s --help: status %d: %s", qPrintable(command.join(' ')), r.status, qPrintable(r.err));
    return r.out;
}

// Every command path below the top ("simulate", "import", "scenario add", ...), found by walking --help.
void collectCommands(const QStringList &path, QList<QStringList> &commands)
{
    for (const QString &sub : helpSubcommands(help(path))) {
        commands << (QStringList(path) << sub);
        collectCommands(QStringList(path) << sub, commands);
    }
}

// "carbonscope-cli-scenario-add" for {"scenario", "add"}.
QString pageName(const QStringList &command)
{
    return (QStringList(QStringLiteral("carbonscope-cli")) + command).join('-');
}

QString pageOf(const QStringList &command)
{
    return manDir + "/" + pageName(command) + ".1.gz";
}

} // namespace

class TestManPages : public QObject
{
    Q_OBJECT

private slots:
    void simulatePageListsTheOptionsOfHelp()
    {
        const ProgramRun page = renderManPage(pageOf({QStringLiteral("simulate")}));
        QCOMPARE(page.status, 0);
        const QSet<QString> fromMan = manOptionNames(page.out);
        const QSet<QString> fromHelp = helpOptionNames(help({QStringLiteral("simulate")}));
        QCOMPARE(fromMan, fromHelp);
        // The options the README and docs promise for simulate, written out by hand, are among them.
        const QSet<QString> promised{"-h", "--help", "--carbon", "--carbon-column", "--requests", "--requests-column",
                                     "--pool", "--from", "--to", "--db", "--scenario", "--policy", "--baseline",
                                     "--csv", "--json"};
        QVERIFY2(fromMan.contains(promised), qPrintable(QStringList((promised - fromMan).values()).join(' ')));
        QVERIFY(page.out.contains("carbonscope-cli-simulate - Simulate one policy over a scenario"));
        QVERIFY(page.out.contains(QRegularExpression("\n {7}--pool TEXT=paper\n")));
    }

    void everyCommandHasAPageListingItsOptions_data()
    {
        QTest::addColumn<QStringList>("command");
        QList<QStringList> commands{{}};
        collectCommands({}, commands);
        QVERIFY(commands.size() >= 8); // simulate, compare, import, list, scenario (add), export, frontier, eco, ...
        for (const QStringList &c : commands)
            QTest::newRow(qPrintable(c.isEmpty() ? QStringLiteral("(top)") : c.join(' '))) << c;
    }

    void everyCommandHasAPageListingItsOptions()
    {
        QFETCH(QStringList, command);
        const ProgramRun page = renderManPage(pageOf(command));
        QVERIFY2(page.status == 0, qPrintable(pageOf(command) + ": " + page.err));
        const QSet<QString> fromHelp = helpOptionNames(help(command));
        QVERIFY(fromHelp.contains("--help"));
        QCOMPARE(manOptionNames(page.out), fromHelp);
        // Each subcommand is named in its parent's page with the page to read.
        for (const QString &sub : helpSubcommands(help(command)))
            QVERIFY2(page.out.contains(pageName(QStringList(command) << sub) + "(1)"), qPrintable(sub));
    }

    void thePagesAreTheCommandsAndTheApp()
    {
        QList<QStringList> commands{{}};
        collectCommands({}, commands);
        QStringList expected{QStringLiteral("carbonscope.1.gz")};
        for (const QStringList &c : commands)
            expected << QFileInfo(pageOf(c)).fileName();
        QStringList pages = QDir(manDir).entryList({QStringLiteral("*.1.gz")}, QDir::Files);
        expected.sort();
        pages.sort();
        QCOMPARE(pages, expected);
    }

    // What lintian runs on a page: groff with every warning on; a page it complains about is a bug here.
    void pagesRenderWithoutWarnings()
    {
        for (const QString &page : QDir(manDir).entryList({QStringLiteral("*.1.gz")}, QDir::Files)) {
            const ProgramRun r = runProgram(QStringLiteral("sh"),
                                            {"-c", "zcat \"$1\" | groff -man -ww -z -Tutf8", "sh", manDir + "/" + page});
            QCOMPARE(r.status, 0);
            QVERIFY2(r.err.isEmpty(), qPrintable(page + ": " + r.err));
        }
    }

    void pagesCarryTheProjectVersion()
    {
        const ProgramRun page = renderManPage(pageOf({}));
        QVERIFY(page.out.contains(QStringLiteral("CarbonScope " CARBONSCOPE_VERSION)));
        QVERIFY(renderManPage(manDir + "/carbonscope.1.gz").out.contains(QStringLiteral("CarbonScope " CARBONSCOPE_VERSION)));
        const ProgramRun version = runProgram(cliPath, {QStringLiteral("--version")});
        QCOMPARE(version.status, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("carbonscope-cli " CARBONSCOPE_VERSION));
    }

    void guiPageListsTheOptionsOfItsHelp()
    {
#ifndef CARBONSCOPE_GUI
        QSKIP("the GUI was not built");
#else
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const ProgramRun help = runProgram(QStringLiteral(CARBONSCOPE_GUI), {QStringLiteral("--help")}, {}, env);
        QCOMPARE(help.status, 0);
        const QSet<QString> fromHelp = helpOptionNames(help.out);
        QVERIFY(fromHelp.contains("--screenshot"));
        QCOMPARE(manOptionNames(renderManPage(manDir + "/carbonscope.1.gz").out), fromHelp);
#endif
    }

    void hiddenExportsRefuseBadArguments()
    {
        const ProgramRun shell = runProgram(cliPath, {"--generate-completion", "fish"});
        QCOMPARE(shell.status, 2);
        QVERIFY2(shell.err.contains("unknown shell 'fish'"), qPrintable(shell.err));
        QTemporaryDir dir;
        const QString file = dir.filePath("a-file");
        QVERIFY(QFile(file).open(QIODevice::WriteOnly));
        const ProgramRun folder = runProgram(cliPath, {"--generate-man", file + "/man"});
        QCOMPARE(folder.status, 2);
        QVERIFY2(folder.err.contains(file + "/man: cannot create the folder"), qPrintable(folder.err));
        // Not in --help: they are for the build.
        QVERIFY(!runProgram(cliPath, {"--help"}).out.contains("generate"));
    }
};

QTEST_GUILESS_MAIN(TestManPages)
#include "test_man_pages.moc"
