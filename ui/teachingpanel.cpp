#include "teachingpanel.h"

#include "policystyle.h"
#include "scenariodocument.h"
#include "timelineview.h"
#include "unitformat.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QSlider>
#include <QTimer>
#include <QToolButton>

namespace cs {

namespace {

QLabel *bigLabel(QWidget *parent, const QString &tip)
{
    auto *label = new QLabel(parent);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 2.2);
    f.setBold(true);
    label->setFont(f);
    label->setToolTip(tip);
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("000000000000")));
    return label;
}

QLabel *caption(QWidget *parent, const QString &text)
{
    auto *label = new QLabel(text, parent);
    label->setStyleSheet(QStringLiteral("color: #555"));
    return label;
}

} // namespace

TeachingPanel::TeachingPanel(ScenarioDocument *document, TimelineView *timeline, QWidget *parent)
    : QWidget(parent), mDocument(document), mTimeline(timeline), mTimer(new QTimer(this)), mPlay(new QToolButton(this)),
      mSpeed(new QSlider(Qt::Horizontal, this)), mSeek(new QSlider(Qt::Horizontal, this)), mPolicy(new QComboBox(this))
{
    setAutoFillBackground(true);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(8, 4, 8, 4);

    mPlay->setIcon(QIcon(QStringLiteral(":/icons/play.svg")));
    mPlay->setIconSize(QSize(36, 36));
    mPlay->setToolTip(tr("Play / pause the replay (Space)"));
    mPlay->setShortcut(QKeySequence(Qt::Key_Space));
    mSpeed->setRange(1, 60);
    mSpeed->setValue(8);
    mSpeed->setToolTip(tr("Replay speed: intervals per second"));
    mSpeed->setMaximumWidth(160);
    mSeek->setToolTip(tr("Position in the scenario"));
    mPolicy->setToolTip(tr("The policy whose choices the readout shows"));

    mTime = bigLabel(this, tr("The interval being replayed (UTC)"));
    mIntensity = bigLabel(this, tr("Carbon intensity of the interval"));
    mModel = bigLabel(this, tr("The model the policy chose for the interval"));
    mCo2 = bigLabel(this, tr("CO₂ emitted by the policy up to the end of this interval"));

    grid->addWidget(mPlay, 0, 0, 2, 1);
    grid->addWidget(caption(this, tr("Time (UTC)")), 0, 1);
    grid->addWidget(caption(this, tr("Carbon intensity")), 0, 2);
    grid->addWidget(caption(this, tr("Model chosen")), 0, 3);
    grid->addWidget(caption(this, tr("CO₂ so far")), 0, 4);
    grid->addWidget(mTime, 1, 1);
    grid->addWidget(mIntensity, 1, 2);
    grid->addWidget(mModel, 1, 3);
    grid->addWidget(mCo2, 1, 4);
    grid->addWidget(caption(this, tr("Policy:")), 0, 5);
    grid->addWidget(mPolicy, 1, 5);
    grid->addWidget(caption(this, tr("Speed:")), 2, 0);
    grid->addWidget(mSpeed, 2, 1);
    grid->addWidget(mSeek, 2, 2, 1, 4);
    grid->setColumnStretch(3, 1);

    connect(mPlay, &QToolButton::clicked, this, [this] { isPlaying() ? pause() : play(); });
    connect(mSpeed, &QSlider::valueChanged, this, [this](int v) { mTimer->setInterval(1000 / v); });
    connect(mSeek, &QSlider::valueChanged, this, [this](int v) {
        if (v != mPosition)
            setPosition(v);
    });
    connect(mPolicy, &QComboBox::currentIndexChanged, this, &TeachingPanel::showPosition);
    connect(mTimer, &QTimer::timeout, this, &TeachingPanel::step);
    connect(document, &ScenarioDocument::resultsChanged, this, &TeachingPanel::refreshPolicies);
    mTimer->setInterval(1000 / mSpeed->value());
    refreshPolicies();
}

bool TeachingPanel::isPlaying() const
{
    return mTimer->isActive();
}

void TeachingPanel::play()
{
    if (mPosition >= static_cast<int>(mDocument->scenario().size()) - 1)
        setPosition(0);
    mTimer->start();
    mPlay->setIcon(QIcon(QStringLiteral(":/icons/pause.svg")));
}

void TeachingPanel::pause()
{
    mTimer->stop();
    mPlay->setIcon(QIcon(QStringLiteral(":/icons/play.svg")));
}

void TeachingPanel::step()
{
    if (mPosition + 1 >= static_cast<int>(mDocument->scenario().size())) {
        pause();
        return;
    }
    setPosition(mPosition + 1);
}

void TeachingPanel::setPosition(int interval)
{
    const int n = static_cast<int>(mDocument->scenario().size());
    mPosition = std::clamp(interval, 0, std::max(0, n - 1));
    mSeek->setValue(mPosition);
    showPosition();
}

void TeachingPanel::refreshPolicies()
{
    const QString current = mPolicy->currentData().toString();
    mPolicy->clear();
    for (const PolicyRun &run : mDocument->runs())
        if (run.ok())
            mPolicy->addItem(QString::fromStdString(run.label), QString::fromStdString(run.spec));
    const int keep = mPolicy->findData(current);
    mPolicy->setCurrentIndex(keep >= 0 ? keep : 0);
    mSeek->setRange(0, std::max(0, static_cast<int>(mDocument->scenario().size()) - 1));
    showPosition();
}

void TeachingPanel::showPosition()
{
    const Scenario &s = mDocument->scenario();
    if (s.empty())
        return;
    const auto i = static_cast<std::size_t>(std::min<int>(mPosition, static_cast<int>(s.size()) - 1));
    mTime->setText(QDateTime::fromSecsSinceEpoch(s.times[i], Qt::UTC).toString(QStringLiteral("d MMM hh:mm")));
    mIntensity->setText(tr("%1 g/kWh").arg(s.intensity[i], 0, 'f', 0));
    const std::string spec = mPolicy->currentData().toString().toStdString();
    const auto &runs = mDocument->runs();
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const PolicyRun &run = runs[r];
        if (run.spec != spec || !run.ok() || i >= run.result.intervals.model.size())
            continue;
        const int m = run.result.intervals.model[i];
        mModel->setText(m >= 0 ? QString::fromStdString(mDocument->pool().at(m).name) : tr("—"));
        mModel->setStyleSheet(QStringLiteral("color: %1").arg(policyColor(static_cast<int>(r)).darker(130).name()));
        mCo2->setText(formatMass(run.result.intervals.cumulativeCo2G[i]));
    }
    if (isVisible()) // a hidden panel leaves the cursor to the mouse
        mTimeline->setCursorTime(static_cast<double>(s.times[i]) + s.intervalSeconds / 2.0);
}

} // namespace cs
