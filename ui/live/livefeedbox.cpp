#include "livefeedbox.h"

#include "liveintensityfeed.h"
#include "uk_regions.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace cs {

LiveFeedBox::LiveFeedBox(QWidget *parent)
    : QGroupBox(tr("Live intensity"), parent)
    , mFeed(new LiveIntensityFeed(this))
{
    auto *form = new QFormLayout(this);
    mSource = new QComboBox(this);
    mSource->addItems({tr("UK national"), tr("UK region"), tr("Electricity Maps")});
    mRegion = new QComboBox(this);
    for (int id = 1; id <= ukCarbonIntensityRegionCount; ++id) {
        const std::string_view name = *ukCarbonIntensityRegionName(id);
        mRegion->addItem(QStringLiteral("%1 — %2").arg(id).arg(QString::fromUtf8(name.data(), qsizetype(name.size()))), id);
    }
    mRegion->setCurrentIndex(mRegion->findData(11)); // South West England, the default scenario's region
    mRegion->setToolTip(tr("UK Carbon Intensity API region"));
    mZone = new QLineEdit(QStringLiteral("GB"), this);
    mToken = new QLineEdit(this);
    mToken->setEchoMode(QLineEdit::Password);
    mToken->setPlaceholderText(tr("Electricity Maps token"));
    auto *fetchButton = new QPushButton(tr("Fetch now"), this);
    mReading = new QLabel(tr("—"), this);
    mReading->setWordWrap(true);
    connect(fetchButton, &QPushButton::clicked, this, &LiveFeedBox::fetch);
    connect(mFeed, &LiveIntensityFeed::readingArrived, this, [this](const IntensityReading &r) {
        mReading->setText(tr("%1 gCO₂/kWh at %2 UTC\n%3")
                              .arg(r.gPerKwh, 0, 'f', 0)
                              .arg(r.time.toString(QStringLiteral("yyyy-MM-dd HH:mm")), r.source));
    });
    connect(mFeed, &LiveIntensityFeed::fetchFailed, this, [this](const QString &e, int attempt, bool again, int ms) {
        const auto &last = mFeed->lastGood();
        QString text = again ? tr("Try %1 failed (%2); again in %3 s").arg(attempt).arg(e).arg(ms / 1000.0)
                             : tr("Gave up after %1 tries (%2)").arg(attempt).arg(e);
        if (last)
            text += tr("\nLast good: %1 gCO₂/kWh at %2 UTC (stale)")
                        .arg(last->gPerKwh, 0, 'f', 0)
                        .arg(last->time.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        mReading->setText(text);
    });
    form->addRow(tr("Source"), mSource);
    form->addRow(tr("Region"), mRegion);
    form->addRow(tr("Zone"), mZone);
    form->addRow(tr("Token"), mToken);
    form->addRow(fetchButton);
    form->addRow(mReading);
}

QString LiveFeedBox::readingText() const
{
    return mReading->text();
}

void LiveFeedBox::fetch()
{
    LiveIntensityFeed::Settings s = mFeed->settings();
    s.source = static_cast<LiveIntensityFeed::Source>(mSource->currentIndex());
    s.regionId = mRegion->currentData().toInt();
    s.zone = mZone->text().trimmed();
    s.token = mToken->text();
    mFeed->setSettings(s);
    mReading->setText(tr("Fetching %1…").arg(mFeed->requestUrl().toString()));
    mFeed->fetch();
}

} // namespace cs
