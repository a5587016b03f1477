// A pool's load curves kept in the project (issue #16): saved and read back exactly, no table where no pool
// has a curve, a damaged stored curve refused.
#include "project_store.h"
#include "store_error.h"

#include <sqlite3.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace cs;

namespace {

long long rawScalar(const std::string &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
    const long long v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

void rawExec(const std::string &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

ModelPool curvedPool()
{
    ModelPool pool;
    pool.name = "h200";
    Model a{"ResNet50", 22.25, 7.138, {}, 28584, "profile"};
    a.loadCurve = LoadCurve{134.772, {{294.938, 134.772}, {2870.34, 191.09}, {28584.0, 636.05}}};
    pool.models = {Model{"ResNet34", 15.51, 8.58, {}, {}, "table 1"}, a};
    return pool;
}

// The same pool with no curve at all.
ModelPool plainPool()
{
    ModelPool pool = curvedPool();
    pool.models[1].loadCurve.reset();
    return pool;
}

} // namespace

class TestLoadCurveStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.csdb").toStdString();
        {
            ProjectStore store = ProjectStore::open(path);
            store.savePool(curvedPool());
        }
        ProjectStore store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
        const ModelPool back = store.loadPool("h200");
        QCOMPARE(back, curvedPool()); // every figure exact: 17 significant digits survive text
        QVERIFY(!back.models[0].loadCurve);
        QCOMPARE(back.models[1].loadCurve->points.size(), std::size_t(3));
    }

    void noTableWithoutCurves()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.csdb").toStdString();
        const ModelPool plain = plainPool();
        ProjectStore::open(path).savePool(plain);
        QCOMPARE(rawScalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'model_load_curves'"), 0LL);
        QCOMPARE(ProjectStore::open(path).loadPool("h200"), plain);
    }

    void replacingDropsOldCurves()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.csdb").toStdString();
        ProjectStore::open(path).savePool(curvedPool());
        const ModelPool plain = plainPool();
        ProjectStore::open(path).savePool(plain, true);
        QCOMPARE(rawScalar(path, "SELECT count(*) FROM model_load_curves"), 0LL);
        QCOMPARE(ProjectStore::open(path).loadPool("h200"), plain);
    }

    void damagedCurveIsRefused()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.csdb").toStdString();
        ProjectStore::open(path).savePool(curvedPool());
        rawExec(path, "UPDATE model_load_curves SET points = '10:x'");
        QVERIFY_THROWS_EXCEPTION(StoreError, ProjectStore::open(path).loadPool("h200"));
        rawExec(path, "UPDATE model_load_curves SET points = '10:200;5:300'"); // rates must ascend
        QVERIFY_THROWS_EXCEPTION(StoreError, ProjectStore::open(path).loadPool("h200"));
    }
};

QTEST_GUILESS_MAIN(TestLoadCurveStore)
#include "test_load_curve_store.moc"
