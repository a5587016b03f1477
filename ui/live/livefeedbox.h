#pragma once

#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;

namespace cs {

class LiveIntensityFeed;

// The Live tab's "Live intensity" box: the current intensity from the UK Carbon Intensity API (national or a
// region, listed by name) or Electricity Maps, fetched on demand, the last good reading kept while fetches fail.
class LiveFeedBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit LiveFeedBox(QWidget *parent = nullptr);

    LiveIntensityFeed *feed() const { return mFeed; }
    QComboBox *regionBox() const { return mRegion; }
    QString readingText() const;
    void fetch();

private:
    LiveIntensityFeed *mFeed;
    QComboBox *mSource;
    QComboBox *mRegion;
    QLineEdit *mZone;
    QLineEdit *mToken;
    QLabel *mReading;
};

} // namespace cs
