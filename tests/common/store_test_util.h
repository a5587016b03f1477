#pragma once

// Helpers of the project store suites (tests/store, tests/deployment): a project path in a temporary folder, raw
// SQLite through the C API (independent of the code under test), fixture files, and the check that a refused file
// keeps its exact bytes.
#include "project_store.h"
#include "store_error.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <string>

inline const cs::UtcSeconds T0 = 1685577600; // 2023-06-01T00:00:00Z

// A project file's path in a fresh temporary folder, removed with it.
struct TempProject
{
    explicit TempProject(const char *name = "p.csdb") : path(dir.filePath(QString::fromLatin1(name))) {}
    std::string file() const { return path.toStdString(); }

    QTemporaryDir dir;
    QString path;
};

inline QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Raw SQL through the C API, independent of the code under test.
inline void rawExec(const QString &path, const QByteArray &sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    char *err = nullptr;
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &err);
    const QString message = err ? QString::fromUtf8(err) : QString();
    sqlite3_free(err);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, qPrintable(message));
}

inline long long rawScalar(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
    long long v = -1;
    if (sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

inline QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(CARBONSCOPE_SOURCE_DIR "/tests/data/store/") + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Expects open() to throw StoreError whose message holds `expected`, and the file to keep its exact bytes.
inline void expectRefused(const QString &path, const char *expected)
{
    const QByteArray before = fileHash(path);
    QVERIFY(!before.isEmpty());
    try {
        cs::ProjectStore::open(path.toStdString());
        QFAIL("the file was opened");
    } catch (const cs::StoreError &e) {
        QVERIFY2(std::string(e.what()).find(expected) != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find(path.toStdString()) != std::string::npos, "the message names the file");
    }
    QCOMPARE(fileHash(path), before);
}
