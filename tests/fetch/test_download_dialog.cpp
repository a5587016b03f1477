// File ▸ Download… driven as a user drives it: a download into the open project on a worker thread with
// progress, and a cancel that keeps what was fetched so that the next download asks only for the rest.
#include "downloaddialog.h"
#include "loopback_http.h"
#include "project_store.h"
#include "recorded_bodies.h"

#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace cs;

namespace {

LoopbackReply ukciRegional(const std::string &path, int delayMs)
{
    const QStringList parts = QString::fromStdString(path).split('/');
    LoopbackReply r;
    r.body = recorded::ukciRegionBody(parts[6].toInt(), *recorded::parseTime(parts[3].toStdString()),
                                      *recorded::parseTime(parts[4].toStdString())).toStdString();
    r.delayMs = delayMs;
    return r;
}

void fill(DownloadDialog &dialog, const std::string &base, const QString &regions)
{
    dialog.findChild<QLineEdit *>("regions")->setText(regions);
    dialog.findChild<QDateEdit *>("from")->setDate(QDate(2023, 1, 1));
    dialog.findChild<QDateEdit *>("to")->setDate(QDate(2023, 1, 31));
    dialog.findChild<QSpinBox *>("gap")->setValue(0);
    dialog.findChild<QLineEdit *>("baseUrl")->setText(QString::fromStdString(base));
}

// Presses one of the dialog's buttons ("startDownload", "cancelDownload") as a user does.
void press(DownloadDialog &dialog, const char *button)
{
    QTest::mouseClick(dialog.findChild<QPushButton *>(button), Qt::LeftButton);
}

QString newProject(const QTemporaryDir &dir)
{
    const QString path = dir.filePath("gui.csdb");
    ProjectStore::open(path.toStdString());
    return path;
}

// The dialog on a fresh project file, filled in for `regions` of `base` and started as a user starts it.
struct StartedDownload
{
    QTemporaryDir dir;
    QString project = newProject(dir);
    DownloadDialog dialog{project};
    QSignalSpy done{&dialog, &DownloadDialog::downloadFinished};

    StartedDownload(const std::string &base, const QString &regions)
    {
        fill(dialog, base, regions);
        press(dialog, "startDownload");
    }
};

} // namespace

class TestDownloadDialog : public QObject
{
    Q_OBJECT

private slots:
    void downloadsIntoTheOpenProjectOffTheGuiThread()
    {
        LoopbackHttp server([](const std::string &path, int, const std::string &) { return ukciRegional(path, 0); });
        StartedDownload run(server.base(), "1, 2");
        auto &[dir, project, dialog, done] = run;
        QVERIFY(dialog.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QCOMPARE(done.front().front().toBool(), true);
        // 30 days in 14-day calls: 14 + 14 + 2, for two regions.
        QCOMPARE(server.total(), 6LL);
        QCOMPARE(dialog.findChild<QProgressBar *>("progress")->value(), 6);
        QVERIFY2(dialog.resultText().contains("Series “UK CI South Scotland”: 1440 points"), qPrintable(dialog.resultText()));
        ProjectStore store = ProjectStore::open(project.toStdString(), ProjectStore::OpenMode::ReadOnly);
        QCOMPARE(store.loadCarbonPoints("UK CI North Scotland").size(), std::size_t(30 * 48));
    }

    void cancelKeepsWhatWasFetched()
    {
        // Each answer takes 300 ms; the dialog is cancelled once the third call is asked.
        std::atomic<int> asked{0};
        LoopbackHttp server([&](const std::string &path, int, const std::string &) {
            ++asked;
            return ukciRegional(path, 300);
        });
        StartedDownload run(server.base(), "1-3");
        auto &[dir, project, dialog, done] = run;
        QTRY_VERIFY_WITH_TIMEOUT(asked.load() >= 3, 60000);
        press(dialog, "cancelDownload");
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QCOMPARE(done.front().front().toBool(), false);
        QVERIFY2(dialog.resultText().contains("Cancelled"), qPrintable(dialog.resultText()));
        const long long firstRun = server.total();
        QVERIFY(firstRun < 9);
        // The call in flight was abandoned: at most the two before it were kept, and the rerun asks the rest.
        press(dialog, "startDownload");
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 60000);
        QCOMPARE(done.back().front().toBool(), true);
        int twice = 0;
        for (const auto &[path, count] : server.counts())
            twice += count - 1;
        QCOMPARE(server.counts().size(), std::size_t(9));
        QVERIFY2(twice <= 1, "only the abandoned call may be asked again");
        ProjectStore store = ProjectStore::open(project.toStdString(), ProjectStore::OpenMode::ReadOnly);
        QCOMPARE(store.loadCarbonPoints("UK CI North West England").size(), std::size_t(30 * 48));
    }

    void withoutAProjectFileItAsksToSaveFirst()
    {
        DownloadDialog dialog(QString{});
        QVERIFY(!dialog.findChild<QPushButton *>("startDownload")->isEnabled());
        QVERIFY(dialog.findChild<QLabel *>("status")->text().contains("Save the project first"));
    }
};

QTEST_MAIN(TestDownloadDialog)
#include "test_download_dialog.moc"
