#include "copycommand.h"

#include "io/atomic_file.h"
#include "pool_json.h"
#include "result_export.h"
#include "scenariodocument.h"
#include "trace_file.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QStandardPaths>

namespace cs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cs", text);
}

bool sameData(const TimeSeries &a, const TimeSeries &b)
{
    return a.times == b.times && a.values == b.values;
}

// The trace's own file where reading it again gives exactly the data in use; empty otherwise.
QString originalFile(const TimeSeries &trace, bool carbon)
{
    if (trace.source.empty())
        return {};
    const QFileInfo info(QString::fromStdString(trace.source));
    if (!info.isFile() || !info.isReadable())
        return {};
    try {
        const std::string path = info.absoluteFilePath().toStdString();
        const TimeSeries again = readTrace(path, carbon ? SeriesKind::Carbon : SeriesKind::Requests);
        return sameData(again, trace) ? info.absoluteFilePath() : QString();
    } catch (const std::exception &) {
        return {};
    }
}

QString contentName(const QString &prefix, const QByteArray &bytes, const QString &suffix)
{
    return prefix + QLatin1Char('-') +
           QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(12)) + suffix;
}

// Writes `bytes` to folder/name unless a file of that content name is there; returns its path.
QString writeOnce(const QString &folder, const QString &name, const QByteArray &bytes, QStringList &written)
{
    const QString path = QDir(folder).filePath(name);
    if (!QFileInfo::exists(path)) {
        writeFileAtomically(path.toStdString(), std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        written << path;
    }
    return path;
}

QByteArray traceCsv(const TimeSeries &trace, const char *valueColumn)
{
    std::string out = std::string("time_utc,") + valueColumn + '\n';
    for (std::size_t i = 0; i < trace.size(); ++i)
        out += formatUtcTime(trace.times[i]) + ',' + finiteDecimal(trace.values[i], valueColumn) + '\n';
    return QByteArray::fromStdString(out);
}

QString traceFile(const TimeSeries &trace, bool carbon, const QString &folder, QStringList &written)
{
    if (const QString original = originalFile(trace, carbon); !original.isEmpty())
        return original;
    const QByteArray bytes = traceCsv(trace, carbon ? "intensity_gco2_per_kwh" : "requests");
    return writeOnce(folder, contentName(carbon ? QStringLiteral("carbon") : QStringLiteral("requests"), bytes,
                                         QStringLiteral(".csv")),
                     bytes, written);
}

QString poolArgument(const ModelPool &pool, const QString &folder, QStringList &written)
{
    if (pool.models == paperPool().models)
        return QStringLiteral("paper");
    if (pool.models == resnetPool().models)
        return QStringLiteral("resnets");
    const QByteArray bytes = QByteArray::fromStdString(poolToJson(pool));
    return writeOnce(folder, contentName(QStringLiteral("pool"), bytes, QStringLiteral(".json")), bytes, written);
}

} // namespace

QString shellQuoted(const QString &word)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=@%+,-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1String("'"), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString ReproduceCommand::clipboardText() const
{
    QString text;
    for (const QString &note : notes)
        text += QStringLiteral("# ") + note + QLatin1Char('\n');
    return text + line + QLatin1Char('\n');
}

ReproduceCommand reproduceCommand(const ScenarioDocument &document, const QString &folder)
{
    ReproduceCommand c;
    if (document.scenario().empty() || document.policies().entries.empty()) {
        c.error = tr("Nothing to reproduce: no scenario or no policy");
        return c;
    }
    try {
        QDir().mkpath(folder);
        QStringList words{QStringLiteral("carbonscope-cli"), QStringLiteral("compare")};
        words << QStringLiteral("--carbon") << traceFile(document.carbonTrace(), true, folder, c.written);
        if (document.requestTrace())
            words << QStringLiteral("--requests") << traceFile(*document.requestTrace(), false, folder, c.written);
        words << QStringLiteral("--pool") << poolArgument(document.pool(), folder, c.written);
        for (const PolicyEntry &entry : document.policies().entries) {
            words << QStringLiteral("--policy") << QString::fromStdString(entry.spec);
            if (!entry.allowedModels.empty())
                c.notes << tr("%1 is kept to some of the pool's models here; the CLI runs it on the whole pool")
                               .arg(QString::fromStdString(entry.spec));
        }
        const std::string &baseline = document.policies().baseline;
        if (baseline.rfind("model:", 0) == 0)
            words << QStringLiteral("--baseline") << QString::fromStdString(baseline.substr(6));
        else
            c.notes << tr("the baseline %1 is not a single model; the CLI's baseline is ResNet50")
                           .arg(QString::fromStdString(baseline));
        const Deployment &d = document.deployment(); // Edit ▸ Deployment…, where it is not the paper's account
        if (d.gpus != 1)
            words << QStringLiteral("--gpus") << QString::number(d.gpus);
        if (d.hostWatts > 0)
            words << QStringLiteral("--host-watts") << QString::number(d.hostWatts, 'g', 17);
        if (d.pue > 1)
            words << QStringLiteral("--pue") << QString::number(d.pue, 'g', 17);
        if (d.embodiedGPerGpuHour > 0)
            words << QStringLiteral("--embodied-g-per-gpu-hour") << QString::number(d.embodiedGPerGpuHour, 'g', 17);
        if (document.decidesOnForecast())
            words << QStringLiteral("--decide-on") << QStringLiteral("forecast");
        if (const auto &range = document.totalsRange()) {
            words << QStringLiteral("--from") << QString::fromStdString(formatUtcTime(range->first))
                  << QStringLiteral("--to") << QString::fromStdString(formatUtcTime(range->second));
            c.notes << tr("the CLI simulates the selected period alone: policies that look at the whole trace "
                          "(the heuristic's C_low/C_high, online windows) can pick differently than here, where the "
                          "whole scenario is simulated and the period totalled");
        }
        QStringList quoted;
        for (const QString &w : words)
            quoted << shellQuoted(w);
        c.line = quoted.join(QLatin1Char(' '));
    } catch (const std::exception &e) {
        c.error = tr("Could not write the command's files in %1: %2").arg(folder, QString::fromUtf8(e.what()));
    }
    return c;
}

QString commandFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("commands"));
}

QString copyReproduceCommand(const ScenarioDocument &document)
{
    const ReproduceCommand c = reproduceCommand(document, commandFolder());
    if (!c.error.isEmpty())
        return c.error;
    QGuiApplication::clipboard()->setText(c.clipboardText());
    return c.notes.isEmpty() ? tr("Copied the carbonscope-cli command that reproduces these totals")
                             : tr("Copied the carbonscope-cli command, with notes on what it cannot reproduce "
                                  "(comment lines above it)");
}

} // namespace cs
