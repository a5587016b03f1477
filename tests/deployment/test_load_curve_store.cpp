// A pool's load curves kept in the project (issue #16): saved and read back exactly, no table where no pool
// has a curve, a damaged stored curve refused.
#include "store_test_util.h"

#include <QtTest>

using namespace cs;

namespace {

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
        const TempProject project;
        {
            ProjectStore store = ProjectStore::open(project.file());
            store.savePool(curvedPool());
        }
        ProjectStore store = ProjectStore::open(project.file(), ProjectStore::OpenMode::ReadOnly);
        const ModelPool back = store.loadPool("h200");
        QCOMPARE(back, curvedPool()); // every figure exact: 17 significant digits survive text
        QVERIFY(!back.models[0].loadCurve);
        QCOMPARE(back.models[1].loadCurve->points.size(), std::size_t(3));
    }

    void noTableWithoutCurves()
    {
        const TempProject project;
        const ModelPool plain = plainPool();
        ProjectStore::open(project.file()).savePool(plain);
        QCOMPARE(rawScalar(project.path, "SELECT count(*) FROM sqlite_master WHERE name = 'model_load_curves'"), 0LL);
        QCOMPARE(ProjectStore::open(project.file()).loadPool("h200"), plain);
    }

    void replacingDropsOldCurves()
    {
        const TempProject project;
        ProjectStore::open(project.file()).savePool(curvedPool());
        const ModelPool plain = plainPool();
        ProjectStore::open(project.file()).savePool(plain, true);
        QCOMPARE(rawScalar(project.path, "SELECT count(*) FROM model_load_curves"), 0LL);
        QCOMPARE(ProjectStore::open(project.file()).loadPool("h200"), plain);
    }

    void damagedCurveIsRefused()
    {
        const TempProject project;
        ProjectStore::open(project.file()).savePool(curvedPool());
        rawExec(project.path, "UPDATE model_load_curves SET points = '10:x'");
        QVERIFY_THROWS_EXCEPTION(StoreError, ProjectStore::open(project.file()).loadPool("h200"));
        rawExec(project.path, "UPDATE model_load_curves SET points = '10:200;5:300'"); // rates must ascend
        QVERIFY_THROWS_EXCEPTION(StoreError, ProjectStore::open(project.file()).loadPool("h200"));
    }
};

QTEST_GUILESS_MAIN(TestLoadCurveStore)
#include "test_load_curve_store.moc"
