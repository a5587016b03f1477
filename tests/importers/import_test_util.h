#pragma once

#include "import_runner.h"
#include "parse_error.h"
#include "project_store.h"
#include "statement.h"

#include <QFile>
#include <QString>

// Shared by the importer tests: where the data is, and one-line imports.
namespace testutil {

inline QString shared(const char *name)
{
    return QStringLiteral(CARBONSCOPE_SHARED_DATA "/") + QString::fromLatin1(name);
}

inline QString local(const char *name)
{
    return QStringLiteral(CARBONSCOPE_SOURCE_DIR "/tests/data/importers/") + QString::fromLatin1(name);
}

inline bool haveShared()
{
    return QFile::exists(QStringLiteral(CARBONSCOPE_SHARED_DATA "/README.md"));
}

inline cs::ImportOptions options(cs::SeriesKind kind, const std::string &format = "auto", const std::string &name = {})
{
    cs::ImportOptions o;
    o.kind = kind;
    o.format = format;
    o.name = name;
    return o;
}

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(bytes);
}

} // namespace testutil
