#pragma once

#include "sweepjob.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace cs {

class SweepHeatMap;

// The Sweep tab: policies over many series (the carbon files of a folder: zones, regions) x months, quarters or
// years, as heat maps of CO2 saved against the baseline, efficiency and regret against the exact optimum, with a
// metric and a policy chooser and CSV/JSON export. The sweep runs off the GUI thread with progress and cancel.
class SweepTab : public QWidget
{
    Q_OBJECT

public:
    explicit SweepTab(QWidget *parent = nullptr);
    ~SweepTab() override;

    // What the next run sweeps (the form's buttons call these too).
    void setFiles(const QStringList &files);
    void setCarbon(std::vector<TimeSeries> series); // series already read; the files are then not read
    void setPool(const ModelPool &pool, const QString &baseline);
    void setPolicies(const QStringList &specs);
    void setPeriod(SweepPeriod period);
    void setRequestProfile(bool hourOfWeekProfile); // false: one request per interval

    void run();
    void cancel();
    bool running() const;

    const SweepResult *result() const { return mOutput && mOutput->result ? &*mOutput->result : nullptr; }
    SweepHeatMap *heatMap() const { return mHeatMap; }
    // Until a sweep has a result the heat map's place says what to choose and to press Run sweep.
    QLabel *emptyState() const { return mEmpty; }
    bool showsEmptyState() const;
    QComboBox *metricChooser() const { return mMetric; }
    QComboBox *policyChooser() const { return mPolicy; }
    QString statusText() const;

    // Writes every cell: JSON where the name ends in .json, else CSV. False with `error` set where it fails.
    bool exportTo(const QString &path, QString *error);

Q_SIGNALS:
    void finished();

private:
    QWidget *makeForm();
    void chooseFolder();
    void chooseFiles();
    void exportWithDialog();
    void onFinished(const std::shared_ptr<SweepJobOutput> &output);
    void showSelection();
    void updateEmptyState();
    QStringList policySpecs() const;

    SweepJob *mJob;
    QStringList mFiles;
    std::vector<TimeSeries> mCarbon;
    ModelPool mPool;
    std::shared_ptr<SweepJobOutput> mOutput;

    QLineEdit *mSource;
    QComboBox *mPeriod, *mRequests, *mBaseline, *mMetric, *mPolicy;
    QPlainTextEdit *mPolicies;
    QPushButton *mRun, *mCancel, *mExport;
    QProgressBar *mProgress;
    QLabel *mStatus, *mHover;
    SweepHeatMap *mHeatMap;
    QLabel *mEmpty; // over the heat map until a sweep has a result
};

} // namespace cs
