#pragma once

#include "livesessionworker.h"
#include "liverecording.h"

#include <QThread>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace cs {

class LiveFeedBox;
class LiveIntensityFeed;
class LivePlot;
class LiveReadouts;
class ScenarioDocument;
struct ServingDevice;

// The Live tab: serves the document's scenario live on this machine (the LibTorch engine on its thread; the
// CPU where there is no GPU), showing intensity, the model in use, measured power, latency and cumulative CO2
// measured against the simulation's prediction; replays a session recorded elsewhere (a project file copied
// from a GPU server); and reads the current intensity from a public API.
class LiveTab : public QWidget
{
    Q_OBJECT

public:
    explicit LiveTab(ScenarioDocument *document, QWidget *parent = nullptr);
    ~LiveTab() override;

    // Runs a session with the settings given (the Start button builds them from the document and the form).
    void startSession(const LiveSessionWorker::Config &config);
    void stopSession();
    bool sessionRunning() const { return mRunning; }

    // Opens a project file's recorded sessions; replays one (all at once, or paced by the replay timer).
    bool openRecording(const QString &path);
    int recordedSessionCount() const;
    void replay(int sessionIndex, bool paced);

    LivePlot *plot() const { return mPlot; }
    LiveIntensityFeed *feed() const;
    LiveFeedBox *feedBox() const { return mFeedBox; }
    LiveReadouts *readouts() const { return mReadouts; }
    QString modelShown() const;
    QString statusText() const;
    // What Start will run on, said before it is pressed (the constructor probes; tests set each case).
    void showServingDevice(const ServingDevice &device);
    QString servingDeviceText() const;
    QString decisionNote() const;
    // Prometheus metrics of the session at http://ADDRESS/metrics; off by default.
    void setMetrics(bool enabled, const QString &address);

Q_SIGNALS:
    void sessionFinished(const QString &summary);
    void replayFinished();

private:
    QWidget *makeRunBox();
    QWidget *makeReplayBox();
    void startFromForm();
    void showRow(const LiveInterval &row);
    void setRunning(bool running);
    void replayStep();

    ScenarioDocument *mDocument;
    LivePlot *mPlot;
    QThread mThread;
    LiveSessionWorker *mWorker;
    bool mRunning = false;

    QLineEdit *mPolicy;
    QDoubleSpinBox *mSpeedup;
    QDoubleSpinBox *mRate;
    QDoubleSpinBox *mDuration;
    QSpinBox *mImageSize;
    QLineEdit *mRecordPath;
    QCheckBox *mMetricsOn;
    QLineEdit *mMetricsAddress;
    QLabel *mDevice;
    QLabel *mDecisionNote;
    bool mModuleFound = false;
    QPushButton *mStart;
    QPushButton *mStop;

    QString mRecordingPath;
    QVector<RecordedSession> mSessions;
    QComboBox *mSessionBox;
    QPushButton *mReplayButton;
    QTimer mReplayTimer;
    QVector<LiveInterval> mReplayRows;
    int mReplayNext = 0;

    LiveFeedBox *mFeedBox;
    LiveReadouts *mReadouts;
    QLabel *mStatus;
};

} // namespace cs
