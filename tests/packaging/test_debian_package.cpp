// The Debian package, as a user gets it: cpack builds it from this build tree into a temporary folder (under the
// shared build lock), lintian finds no error in it, and the binaries unpacked from it run: --version prints the
// project's version and a simulation of the default scenario gives the build's own result, with the totals the
// data files hold. The files of the desktop integration pass their validators. Needs the whole build first
// (LABEL package).
#include "help_text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString buildDir = QStringLiteral(CARBONSCOPE_BINARY_DIR);
const QString carbonCsv = QStringLiteral(CARBONSCOPE_SOURCE_DIR "/data/carbon_south_west_england_2023-06.csv");
const QString requestCsv = QStringLiteral(CARBONSCOPE_SOURCE_DIR "/data/requests_wikipedia_en_2023-06.csv");

// The request file's rows and their total, read here: "ds,y" then one row per hour.
QPair<int, qint64> requestRowsAndTotal()
{
    QFile f(requestCsv);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(requestCsv));
    int rows = 0;
    qint64 total = 0;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        ++rows;
        total += line.split(',').value(1).toLongLong();
    }
    return {rows, total};
}

} // namespace

class TestDebianPackage : public QObject
{
    Q_OBJECT

    QTemporaryDir mTemp;
    QString mDeb;
    QString mRoot;

private slots:
    void initTestCase()
    {
        for (const char *tool : {"cpack", "lintian", "dpkg-deb", "dpkg-shlibdeps", "flock"})
            if (QStandardPaths::findExecutable(tool).isEmpty())
                QFAIL(qPrintable(QString("%1 is missing (scripts/install-deps.sh test)").arg(tool)));
        QVERIFY(mTemp.isValid());
        // cpack runs the install rules of the build tree: under the lock csbuild holds, so no build is half-way.
        const ProgramRun cpack = runProgram(
            QStringLiteral("flock"),
            {"/tmp/cs-build.lock", "cpack", "-G", "DEB", "-B", mTemp.path(), "--config", buildDir + "/CPackConfig.cmake"},
            buildDir, QProcessEnvironment::systemEnvironment(), 900000);
        QVERIFY2(cpack.status == 0, qPrintable(cpack.out + cpack.err));
        const QStringList debs = QDir(mTemp.path()).entryList({QStringLiteral("carbonscope_*.deb")}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        QVERIFY2(debs.front().startsWith(QStringLiteral("carbonscope_" CARBONSCOPE_VERSION "-1_")), qPrintable(debs.front()));
        mDeb = mTemp.filePath(debs.front());
        mRoot = mTemp.filePath(QStringLiteral("root"));
        QCOMPARE(runProgram(QStringLiteral("dpkg-deb"), {"-x", mDeb, mRoot}).status, 0);
    }

    void lintianFindsNoError()
    {
        const ProgramRun lintian = runProgram(QStringLiteral("lintian"), {"--tag-display-limit", "0", mDeb}, {},
                                              QProcessEnvironment::systemEnvironment(), 600000);
        QStringList errors;
        for (const QString &line : lintian.out.split('\n', Qt::SkipEmptyParts)) {
            if (line.startsWith(QLatin1String("E: ")))
                errors << line;
            else
                qInfo("%s", qPrintable(line)); // warnings, shown in the test's log
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        QVERIFY2(lintian.status == 0 || lintian.status == 1, qPrintable(lintian.err)); // ran (1: tags found)
        QVERIFY2(!lintian.err.contains(QLatin1String("error")), qPrintable(lintian.err));
    }

    void controlFieldsAndComputedDependencies()
    {
        const auto field = [this](const char *name) {
            return runProgram(QStringLiteral("dpkg-deb"), {"-f", mDeb, name}).out.trimmed();
        };
        QCOMPARE(field("Package"), QStringLiteral("carbonscope"));
        QCOMPARE(field("Version"), QStringLiteral(CARBONSCOPE_VERSION "-1"));
        QCOMPARE(field("Section"), QStringLiteral("science"));
        QVERIFY(!field("Maintainer").isEmpty());
        // carbonscope-cli links SQLite and zstd (core's store and importers): dpkg-shlibdeps names their packages.
        const QString depends = field("Depends");
        QVERIFY2(depends.contains(QLatin1String("libsqlite3-0")), qPrintable(depends));
        QVERIFY2(depends.contains(QLatin1String("libzstd1")), qPrintable(depends));
#ifdef CARBONSCOPE_GUI
        QVERIFY2(depends.contains(QLatin1String("libqt6widgets6")), qPrintable(depends));
#endif
    }

    void layoutIsWhereTheSystemAndTheLoaderLook()
    {
        QStringList expected{"usr/bin/carbonscope-cli",
                             "usr/share/man/man1/carbonscope-cli.1.gz",
                             "usr/share/man/man1/carbonscope-cli-simulate.1.gz",
                             "usr/share/bash-completion/completions/carbonscope-cli",
                             "usr/share/zsh/vendor-completions/_carbonscope-cli",
                             "usr/share/doc/carbonscope/copyright",
                             "usr/share/doc/carbonscope/changelog.Debian.gz",
                             "usr/share/lintian/overrides/carbonscope"};
#ifdef CARBONSCOPE_GUI
        expected << "usr/bin/carbonscope" << "usr/share/man/man1/carbonscope.1.gz"
                 << "usr/share/applications/org.carbonscope.CarbonScope.desktop"
                 << "usr/share/metainfo/org.carbonscope.CarbonScope.metainfo.xml"
                 << "usr/share/mime/packages/carbonscope.xml" << "usr/share/icons/hicolor/scalable/apps/carbonscope.svg"
                 << "usr/share/icons/hicolor/256x256/apps/carbonscope.png";
#endif
#ifdef CARBONSCOPE_TORCH_MODULE
        // The loader looks in ../lib/carbonscope/ from the executable's folder.
        expected << "usr/lib/carbonscope/" CARBONSCOPE_TORCH_MODULE;
#endif
        for (const QString &path : expected)
            QVERIFY2(QFileInfo(mRoot + "/" + path).isFile(), qPrintable(path));
        QVERIFY(QFileInfo(mRoot + "/usr/bin/carbonscope-cli").isExecutable());
    }

    void unpackedCliRuns()
    {
        const QString cli = mRoot + "/usr/bin/carbonscope-cli";
        const ProgramRun version = runProgram(cli, {"--version"});
        QCOMPARE(version.status, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("carbonscope-cli " CARBONSCOPE_VERSION));

        const QStringList simulate{"simulate", "--carbon", carbonCsv, "--requests", requestCsv, "--pool", "resnets",
                                   "--policy", "heuristic", "--baseline", "ResNet50", "--json"};
        const ProgramRun packaged = runProgram(cli, simulate);
        QVERIFY2(packaged.status == 0, qPrintable(packaged.err));
        // The stripped, installed binary computes what the build's does.
        QCOMPARE(packaged.out, runProgram(QStringLiteral(CARBONSCOPE_CLI), simulate).out);
        // June 2023 hour by hour: every row of the request file is an interval, and every request is served.
        const QJsonObject totals = QJsonDocument::fromJson(packaged.out.toUtf8()).object();
        const auto [rows, total] = requestRowsAndTotal();
        QCOMPARE(rows, 720);
        QCOMPARE(totals.value("intervals").toInt(), rows);
        QCOMPARE(static_cast<qint64>(totals.value("requests").toDouble()), total);
    }

    // Live mode's engine: the unpacked CLI loads the module from the package (/usr/lib/carbonscope), not from the
    // build tree it also knows; the dynamic loader's own log (LD_DEBUG=files) says which file it opened.
    void unpackedCliLoadsThePackagedTorchModule()
    {
#ifndef CARBONSCOPE_TORCH_MODULE
        QSKIP("LibTorch was not found: no module in this build");
#else
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("CARBONSCOPE_TORCH_MODULE"));
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
        const ProgramRun profile = runProgram(mRoot + "/usr/bin/carbonscope-cli",
                                              {"profile", "--device", "cpu", "--meter", "fake:10", "--idle-seconds", "0",
                                               "--models", "AlexNet", "--batch", "1", "--image-size", "64",
                                               "--seconds", "0.05", "--json"},
                                              {}, env);
        QVERIFY2(profile.status == 0, qPrintable(profile.err.right(2000)));
        static const QRegularExpression loaded(QStringLiteral("file=(\\S*" CARBONSCOPE_TORCH_MODULE ") \\[0\\];  "
                                                              "dynamically loaded"));
        const QRegularExpressionMatch match = loaded.match(profile.err);
        QVERIFY2(match.hasMatch(), "the module was not loaded");
        QCOMPARE(QFileInfo(match.captured(1)).canonicalFilePath(),
                 QFileInfo(mRoot + "/usr/lib/carbonscope/" CARBONSCOPE_TORCH_MODULE).canonicalFilePath());
#endif
    }

    void desktopFilesPassTheirValidators()
    {
#ifndef CARBONSCOPE_GUI
        QSKIP("the GUI was not built: no desktop files");
#else
        const ProgramRun desktop = runProgram(QStringLiteral("desktop-file-validate"),
                                              {mRoot + "/usr/share/applications/org.carbonscope.CarbonScope.desktop"});
        QVERIFY2(desktop.status == 0 && desktop.out.isEmpty(), qPrintable(desktop.out + desktop.err));
        const ProgramRun appstream = runProgram(
            QStringLiteral("appstreamcli"),
            {"validate", "--no-net", mRoot + "/usr/share/metainfo/org.carbonscope.CarbonScope.metainfo.xml"});
        QVERIFY2(appstream.status == 0, qPrintable(appstream.out + appstream.err));
#endif
    }

    // The desktop finds a project's type, and so the app to open it with, by its name and by its content: the
    // package's MIME database (update-mime-database, as the package's trigger runs it) asked through GIO, as a
    // file manager asks. Another program's SQLite file stays SQLite.
    void projectFilesAreKnownByNameAndContent()
    {
#ifndef CARBONSCOPE_GUI
        QSKIP("the GUI was not built: no MIME type");
#else
        for (const char *tool : {"update-mime-database", "gio", "sqlite3"})
            if (QStandardPaths::findExecutable(tool).isEmpty())
                QFAIL(qPrintable(QString("%1 is missing (scripts/install-deps.sh test)").arg(tool)));
        const QString share = mRoot + "/usr/share";
        QCOMPARE(runProgram(QStringLiteral("update-mime-database"), {share + "/mime"}).status, 0);
        const QString project = mTemp.filePath("june.csdb");
        const ProgramRun import = runProgram(mRoot + "/usr/bin/carbonscope-cli",
                                             {"import", "carbon", carbonCsv, "--db", project});
        QVERIFY2(import.status == 0, qPrintable(import.err));
        const QString unnamed = mTemp.filePath("june-project");
        QVERIFY(QFile::copy(project, unnamed));
        const QString other = mTemp.filePath("other.sqlite");
        QCOMPARE(runProgram(QStringLiteral("sqlite3"), {other, "CREATE TABLE t(x);"}).status, 0);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), share);
        env.insert(QStringLiteral("XDG_DATA_DIRS"), QStringLiteral("/usr/share"));
        const auto typeOf = [&env](const QString &file) {
            const ProgramRun r = runProgram(QStringLiteral("gio"), {"info", "-a", "standard::content-type", file}, {}, env);
            return r.out.section(QLatin1String("standard::content-type: "), 1).trimmed();
        };
        QCOMPARE(typeOf(project), QStringLiteral("application/x-carbonscope-project"));
        QCOMPARE(typeOf(unnamed), QStringLiteral("application/x-carbonscope-project"));
        QCOMPARE(typeOf(other), QStringLiteral("application/vnd.sqlite3"));
        // The menu entry offers the app for that type and passes it the file.
        QFile desktop(share + "/applications/org.carbonscope.CarbonScope.desktop");
        QVERIFY(desktop.open(QIODevice::ReadOnly));
        const QByteArray entry = desktop.readAll();
        QVERIFY(entry.contains("\nMimeType=application/x-carbonscope-project;\n"));
        QVERIFY(entry.contains("\nExec=carbonscope %f\n"));
#endif
    }
};

QTEST_GUILESS_MAIN(TestDebianPackage)
#include "test_debian_package.moc"
