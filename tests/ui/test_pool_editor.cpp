// The pool editor driven as a user would: edits typed into the table re-simulate at once and change the plotted
// cumulative CO2 to the value worked out by hand; undo and redo restore it; invalid input is refused.
#include "tinytabsuite.h"

#include "pooleditor.h"
#include "poolmodel.h"
#include "timelineview.h"

#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

using namespace cs;

class TestPoolEditor : public test::TinyTabSuite
{
    Q_OBJECT

public:
    TestPoolEditor() : TinyTabSuite(QStringLiteral("Pool")) {}

private:
    QTableView *table() { return mWindow->poolEditor()->poolTable(); }
    int rowOf(const char *model) { return mWindow->document()->pool().indexOf(model); }

    // The last point of the plotted cumulative CO2 of a policy, in grams.
    double plottedTotal(const std::string &spec)
    {
        QCPGraph *graph = mWindow->timeline()->cumulativeGraph(spec);
        if (!graph || graph->data()->isEmpty())
            return -1;
        return (graph->data()->constEnd() - 1)->value * mWindow->timeline()->cumulativeUnitGrams();
    }

    // Double-clicks a cell, replaces its text by typing, and presses Enter.
    bool typeIntoCell(int row, int column, const QString &text)
    {
        QTableView *view = table();
        const QRect cell = view->visualRect(view->model()->index(row, column));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        auto *editor = view->viewport()->findChild<QLineEdit *>();
        if (!editor) {
            QTest::keyClick(view, Qt::Key_F2);
            editor = view->viewport()->findChild<QLineEdit *>();
        }
        if (!editor)
            return false;
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        QCoreApplication::processEvents(); // the delegate commits the editor's text in a queued call
        return true;
    }

private Q_SLOTS:
    void energyEditChangesPlottedCumulativeCo2_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<double>("expectedGrams");
        // 360 mJ: 0.36 J x 1.4e6 / 3.6e6 = 0.14 g; 720 mJ: twice that; "1e3": 1 J -> 1.4e6/3.6e6 = 0.3888... g.
        QTest::newRow("360 mJ") << QStringLiteral("360") << 0.14;
        QTest::newRow("720 mJ") << QStringLiteral("720") << 0.28;
        QTest::newRow("1e3 mJ, exponent form") << QStringLiteral("1e3") << 1.4 / 3.6;
    }

    void energyEditChangesPlottedCumulativeCo2()
    {
        QFETCH(QString, typed);
        QFETCH(double, expectedGrams);
        // Before: Table 1's ResNet50, 420.62 mJ -> 420.62 x 1.4e6 / 3.6e9 g.
        QVERIFY(qAbs(plottedTotal("model:ResNet50") - 420.62 * 1.4e6 / 3.6e9) < 1e-12);
        QVERIFY(typeIntoCell(rowOf("ResNet50"), PoolModel::Energy, typed));
        QVERIFY(qAbs(plottedTotal("model:ResNet50") - expectedGrams) < 1e-12);
        // The other baselines did not move: ResNet34 at 359.93 mJ.
        QVERIFY(qAbs(plottedTotal("model:ResNet34") - 359.93 * 1.4e6 / 3.6e9) < 1e-12);
    }

    void undoRestoresAndRedoReappliesTheEdit()
    {
        QVERIFY(typeIntoCell(rowOf("ResNet50"), PoolModel::Energy, QStringLiteral("360")));
        QVERIFY(qAbs(plottedTotal("model:ResNet50") - 0.14) < 1e-12);

        QTest::keyClick(mWindow.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(mWindow->document()->pool().at(rowOf("ResNet50")).energyMj, 420.62);
        QVERIFY(qAbs(plottedTotal("model:ResNet50") - 420.62 * 1.4e6 / 3.6e9) < 1e-12);

        QTest::keyClick(mWindow.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(qAbs(plottedTotal("model:ResNet50") - 0.14) < 1e-12);
    }

    void negativeEnergyIsRefusedWithAReason()
    {
        QVERIFY(typeIntoCell(rowOf("ResNet50"), PoolModel::Energy, QStringLiteral("-5")));
        QCOMPARE(mWindow->document()->pool().at(rowOf("ResNet50")).energyMj, 420.62);
        QVERIFY(mWindow->poolEditor()->messageLabel()->text().contains(QStringLiteral("negative")));
        QCOMPARE(mWindow->document()->undoStack()->count(), 0);
    }

    void outOfRangeFiguresAreRefusedAsAPoolFileWouldBe_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("reason");
        // The documented ranges (core/number_checks.h): energy above 0 and at most 1e9 mJ, latency at most one day.
        QTest::newRow("energy 0") << int(PoolModel::Energy) << QStringLiteral("0") << QStringLiteral("must be above 0");
        QTest::newRow("energy 2e9") << int(PoolModel::Energy) << QStringLiteral("2e9")
                                    << QStringLiteral("above the largest allowed, 1e+09");
        QTest::newRow("latency 1e9 ms") << int(PoolModel::Latency) << QStringLiteral("1e9")
                                        << QStringLiteral("above the largest allowed, 8.64e+07");
    }

    void outOfRangeFiguresAreRefusedAsAPoolFileWouldBe()
    {
        QFETCH(int, column);
        QFETCH(QString, typed);
        QFETCH(QString, reason);
        QVERIFY(typeIntoCell(rowOf("ResNet50"), column, typed));
        QCOMPARE(mWindow->document()->pool().at(rowOf("ResNet50")).energyMj, 420.62);
        QVERIFY(!mWindow->document()->pool().at(rowOf("ResNet50")).latencyMs);
        QVERIFY2(mWindow->poolEditor()->messageLabel()->text().contains(reason),
                 qPrintable(mWindow->poolEditor()->messageLabel()->text()));
        QCOMPARE(mWindow->document()->undoStack()->count(), 0);
    }

    void duplicateNameIsRefused()
    {
        QVERIFY(typeIntoCell(rowOf("ResNet50"), PoolModel::Name, QStringLiteral("VGG16")));
        QCOMPARE(mWindow->document()->pool().at(1).name, std::string("ResNet50"));
        QVERIFY(mWindow->poolEditor()->messageLabel()->text().contains(QStringLiteral("unique")));
    }

    void renameCarriesTheBaselineAlong()
    {
        QVERIFY(typeIntoCell(rowOf("ResNet50"), PoolModel::Name, QStringLiteral("R50")));
        QCOMPARE(mWindow->document()->policies().baseline, std::string("model:R50"));
        // Same energy, same CO2, under the new name.
        QVERIFY(qAbs(plottedTotal("model:R50") - 420.62 * 1.4e6 / 3.6e9) < 1e-12);
        QTest::keyClick(mWindow.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(mWindow->document()->policies().baseline, std::string("model:ResNet50"));
    }

    void addedModelIsSimulatedAndUndoRemovesIt()
    {
        const int before = mWindow->document()->pool().size();
        mWindow->document()->poolModel()->addModel(); // the toolbar's Add
        QCOMPARE(mWindow->document()->pool().size(), before + 1);
        // The new model (100 mJ by default) joins the comparison as its own baseline policy: 100 x 1.4e6/3.6e9 g.
        const std::string spec = "model:" + mWindow->document()->pool().at(before).name;
        QVERIFY(qAbs(plottedTotal(spec) - 100 * 1.4e6 / 3.6e9) < 1e-12);
        QTest::keyClick(mWindow.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(mWindow->document()->pool().size(), before);
        QVERIFY(mWindow->timeline()->cumulativeGraph(spec) == nullptr);
    }
};

QTEST_MAIN(TestPoolEditor)
#include "test_pool_editor.moc"
