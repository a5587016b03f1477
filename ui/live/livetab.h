#pragma once

#include "liveintensityfeed.h"
#include "livesessionworker.h"
#include "liverecording.h"

#include <QThread>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace cs {

class LivePlot;
class ScenarioDocument;

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
    LiveIntensityFeed *feed() const { return mFeed; }
    QString modelShown() const;
    QString statusText() const;

Q_SIGNALS:
    void sessionFinished(const QString &summary);
    void replayFinished();

private:
    QWidget *makeRunBox();
    QWidget *makeReplayBox();
    QWidget *makeFeedBox();
    QWidget *makeReadouts();
    void startFromForm();
    void showRow(const LiveRow &row);
    void setRunning(bool running);
    void replayStep();
    void fetchIntensity();

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
    QPushButton *mStart;
    QPushButton *mStop;

    QString mRecordingPath;
    QVector<RecordedSession> mSessions;
    QComboBox *mSessionBox;
    QPushButton *mReplayButton;
    QTimer mReplayTimer;
    QVector<LiveRow> mReplayRows;
    int mReplayNext = 0;

    LiveIntensityFeed *mFeed;
    QComboBox *mFeedSource;
    QSpinBox *mRegion;
    QLineEdit *mZone;
    QLineEdit *mToken;
    QLabel *mFeedLabel;

    QLabel *mIntensityLabel;
    QLabel *mModelLabel;
    QLabel *mPowerLabel;
    QLabel *mLatencyLabel;
    QLabel *mServedLabel;
    QLabel *mCo2Label;
    QLabel *mStatus;
    std::int64_t mServed = 0;
    std::int64_t mDropped = 0;
};

} // namespace cs
