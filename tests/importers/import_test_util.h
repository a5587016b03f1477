#pragma once

#include "fixture_files.h"
#include "import_runner.h"
#include "parse_error.h"
#include "project_store.h"
#include "statement.h"

#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

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

// Imports a file of ../shared/data into `store`.
inline cs::ImportResult importShared(cs::ProjectStore &store, const char *name, const cs::ImportOptions &o)
{
    return cs::ImportRunner::importFile(store, shared(name).toStdString(), o);
}

inline cs::ImportOptions options(cs::SeriesKind kind, const std::string &format = "auto", const std::string &name = {})
{
    cs::ImportOptions o;
    o.kind = kind;
    o.format = format;
    o.name = name;
    return o;
}

using cs::test::writeFile; // a file that cannot be written fails the test

// A scratch folder holding one input file and an empty project beside it (p.csdb), both gone with the fixture.
struct ScratchImport
{
    ScratchImport(const QString &fileName, const QByteArray &bytes)
        : path(dir.filePath(fileName))
        , store(cs::ProjectStore::open(dir.filePath(QStringLiteral("p.csdb")).toStdString()))
    {
        writeFile(path, bytes);
    }
    // Imports the file into the project.
    cs::ImportResult import(const cs::ImportOptions &o)
    {
        return cs::ImportRunner::importFile(store, path.toStdString(), o);
    }
    QTemporaryDir dir;
    QString path;
    cs::ProjectStore store;
};

// The ParseError an import stops with, or none when it succeeds; any other error is the test's failure.
inline std::optional<cs::ParseError> importError(cs::ProjectStore &store, const QString &path, const cs::ImportOptions &o)
{
    try {
        cs::ImportRunner::importFile(store, path.toStdString(), o);
    } catch (const cs::ParseError &e) {
        return e;
    }
    return std::nullopt;
}

// Where a ParseError points, "line:column", for one comparison with the place counted by hand.
inline QString placeOf(const cs::ParseError &e)
{
    return QStringLiteral("%1:%2").arg(e.line()).arg(e.column());
}

// The columns of a table of refused inputs (test_bad_input, test_input_limits): the series kind ("carbon" or
// "requests"), the format, the file's bytes, and the line, column and message (a part of it) the import stops with.
inline void addRefusalColumns()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
}

// The options of the current refusal row: its kind and format.
inline cs::ImportOptions refusalOptions()
{
    QFETCH(QString, kind);
    QFETCH(QString, format);
    return options(kind == "carbon" ? cs::SeriesKind::Carbon : cs::SeriesKind::Requests, format.toStdString());
}

// Checks an import of the current refusal row's content, written as `path`: it stopped with a ParseError naming
// `path` at the row's line and column (as fields and as the start of its text), with the row's message.
inline void compareRefusal(const std::optional<cs::ParseError> &e, const QString &path)
{
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    QVERIFY2(e, "the bad input was accepted");
    QCOMPARE(QString::fromStdString(e->file()), path);
    QCOMPARE(placeOf(*e), QStringLiteral("%1:%2").arg(line).arg(column));
    const QString what = QString::fromUtf8(e->what());
    const QString where = path + QStringLiteral(":%1:%2: ").arg(line).arg(column);
    QVERIFY2(what.startsWith(where), qPrintable(what + "  (expected to start with " + where + ")"));
    QVERIFY2(QString::fromStdString(e->message()).contains(message), qPrintable(what));
}

// An import that counts and skips bad rows instead of stopping at the first.
inline cs::ImportResult importSkippingBadRows(cs::ProjectStore &store, const QString &path, cs::ImportOptions o)
{
    o.skipBadRows = true;
    return cs::ImportRunner::importFile(store, path.toStdString(), o);
}

// What a skipping import reports, for one comparison: "3 skipped, 3 warnings, the first at 3:19".
inline QString skipReport(const cs::ImportResult &r)
{
    QString s = QStringLiteral("%1 skipped, %2 warnings").arg(r.skippedRows).arg(r.warnings.size());
    if (!r.warnings.empty())
        s += QStringLiteral(", the first at %1:%2").arg(r.warnings[0].line).arg(r.warnings[0].column);
    return s;
}

} // namespace testutil
