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

private:
    void step();
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
    int mPosition = 0;
};

} // namespace cs
