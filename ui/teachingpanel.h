#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace cs {

class ScenarioDocument;
class TimelineView;

// Teaching mode: replays the scenario interval by interval, moving the timeline's cursor, with a large readout of
// the current intensity, the model the chosen policy picks and its CO2 so far, for a lecture projector.
class TeachingPanel : public QWidget
{
    Q_OBJECT

public:
    TeachingPanel(ScenarioDocument *document, TimelineView *timeline, QWidget *parent = nullptr);

    void play();
    void pause();
    bool isPlaying() const;
    void setPosition(int interval);
    int position() const { return mPosition; }
    // One interval on (+1) or back (-1), pausing a replay: ← and → while teaching.
    void stepBy(int delta);
    // Shows the panel, the heuristic's lines and the curtain over what is not replayed yet (or hides them).
    void setActive(bool on);
    bool isActive() const { return mActive; }
    // Large type for a projector (at least 14 pt everywhere, the readout larger).
    void setPresentationFonts(bool on);
    // Why the selected policy chose its model at the current interval, in one sentence.
    QString sentence() const;
    // The replay speed as shown, e.g. "8 intervals/s (8 h of data per second)".
    QString speedText() const;
    QString selectedSpec() const;
    void selectPolicy(const QString &spec);

private:
    void step();
    void showSpeed();
    void refreshPolicies();
    void showPosition();

    ScenarioDocument *mDocument;
    TimelineView *mTimeline;
    QTimer *mTimer;
    QToolButton *mPlay;
    QSlider *mSpeed;
    QSlider *mSeek;
    QComboBox *mPolicy;
    QLabel *mTime;
    QLabel *mIntensity;
    QLabel *mModel;
    QLabel *mCo2;
    QLabel *mSpeedLabel;
    QLabel *mSentence;
    int mPosition = 0;
    bool mActive = false;
};

} // namespace cs
