// The LibTorch engine is a module loaded on first use (torch_engine_loader.cpp). Where it is missing (here:
// CARBONSCOPE_TORCH_MODULE names a file that does not exist) makeInferenceEngine() and torchVersion() throw an
// InputError that names the module and dlopen's reason; where it is not a module, likewise. carbonscope-cli runs
// `--help`, `profile --help` and `live --help` without it, reports it once a model must run, and stays far below
// LibTorch's resident size while doing so (issue #13: memory stays bounded).
#include "fixture_files.h"
#include "inference_engine.h"
#include "parse_error.h"
#include "torch_engine_loader.h"

#include <QtTest>

#include <sys/resource.h>

using namespace cs;

namespace {
const QString missingModule = QStringLiteral("/nonexistent-carbonscope-dir/libcarbonscope_torch.so");
const QString prefix = QStringLiteral("live mode needs the LibTorch engine module (libcarbonscope_torch.so): ");

#ifdef CARBONSCOPE_CLI
struct CliRun
{
    int status = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList &args, const QString &module)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CARBONSCOPE_TORCH_MODULE"), module);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CARBONSCOPE_CLI), args);
    CliRun r;
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit)
        return r;
    r.status = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// `profile` of one small model for a tenth of a second on the CPU: the shortest run that needs the engine.
CliRun profileResNet18OnCpu(const QString &module)
{
    return runCli({QStringLiteral("profile"), QStringLiteral("--models"), QStringLiteral("ResNet18"),
                   QStringLiteral("--batch"), QStringLiteral("1"), QStringLiteral("--device"), QStringLiteral("cpu"),
                   QStringLiteral("--idle-seconds"), QStringLiteral("0"), QStringLiteral("--meter"),
                   QStringLiteral("none"), QStringLiteral("--seconds"), QStringLiteral("0.1")},
                  module);
}
#endif
} // namespace

class TestEngineLoader : public QObject
{
    Q_OBJECT

private slots:
    void candidatesAreBesideTheExecutableWithoutOverride()
    {
        qunsetenv("CARBONSCOPE_TORCH_MODULE");
        const std::vector<std::string> c = torchModuleCandidates();
        QVERIFY(c.size() >= 2);
        const QString dir = QCoreApplication::applicationDirPath();
        QCOMPARE(QString::fromStdString(c[0]), dir + QStringLiteral("/libcarbonscope_torch.so"));
        QCOMPARE(QString::fromStdString(c[1]), dir + QStringLiteral("/../lib/carbonscope/libcarbonscope_torch.so"));
        // The override, where set, is the only place looked at.
        qputenv("CARBONSCOPE_TORCH_MODULE", missingModule.toUtf8());
        const std::vector<std::string> o = torchModuleCandidates();
        QCOMPARE(o.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(o[0]), missingModule);
    }

    void missingModuleIsAClearInputError()
    {
        qputenv("CARBONSCOPE_TORCH_MODULE", missingModule.toUtf8());
        const QString expected = prefix + missingModule + QStringLiteral(": cannot open shared object file: No such file or directory");
        QCOMPARE(QString::fromStdString(loadTorchModule()), expected);
        QString fromMake;
        try {
            makeInferenceEngine(EngineOptions{});
        } catch (const InputError &e) {
            fromMake = QString::fromUtf8(e.what());
        }
        QCOMPARE(fromMake, expected);
        QString fromVersion;
        try {
            (void)torchVersion();
        } catch (const InputError &e) {
            fromVersion = QString::fromUtf8(e.what());
        }
        QCOMPARE(fromVersion, expected);
    }

#ifdef CARBONSCOPE_CLI
    // First of the CLI cases: the largest resident size of any child so far is that of the runs below.
    void cliHelpWithoutTheModuleStaysSmall()
    {
        const CliRun help = runCli({QStringLiteral("--help")}, missingModule);
        QCOMPARE(help.status, 0);
        QVERIFY2(help.out.contains(QStringLiteral("profile")) && help.out.contains(QStringLiteral("live")),
                 qPrintable(help.out));
        const CliRun profile = runCli({QStringLiteral("profile"), QStringLiteral("--help")}, missingModule);
        QCOMPARE(profile.status, 0);
        QVERIFY2(profile.out.contains(QStringLiteral("Usage: carbonscope-cli profile")), qPrintable(profile.out));
        QVERIFY2(profile.out.contains(QStringLiteral("--models")), qPrintable(profile.out));
        const CliRun live = runCli({QStringLiteral("live"), QStringLiteral("--help")}, missingModule);
        QCOMPARE(live.status, 0);
        QVERIFY2(live.out.contains(QStringLiteral("Usage: carbonscope-cli live")), qPrintable(live.out));
        // No LibTorch library is mapped: with it, `--help` alone was ~163 MB resident.
        rusage usage{};
        QCOMPARE(getrusage(RUSAGE_CHILDREN, &usage), 0);
        QVERIFY2(usage.ru_maxrss < 100 * 1024, qPrintable(QString::number(usage.ru_maxrss) + QStringLiteral(" KiB")));
    }

    void cliProfileWithoutTheModuleNamesIt()
    {
        const CliRun r = profileResNet18OnCpu(missingModule);
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(prefix + missingModule + QStringLiteral(": cannot open shared object file")),
                 qPrintable(r.err));
    }

    void cliProfileWithANonModuleFileNamesIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = test::writeFixture(dir, QStringLiteral("libcarbonscope_torch.so"), "not a shared object\n");
        QVERIFY(!path.isEmpty());
        const CliRun r = profileResNet18OnCpu(path);
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(prefix + path + QStringLiteral(": ")), qPrintable(r.err));
    }
#endif
};

QTEST_GUILESS_MAIN(TestEngineLoader)
#include "test_engine_loader.moc"
