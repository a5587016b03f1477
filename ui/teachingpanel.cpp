#include "teachingpanel.h"

#include "policystyle.h"
#include "scenariodocument.h"
#include "teachingexplanation.h"
#include "timelineview.h"
#include "unitformat.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QShortcut>
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

// The step's sentence: a size above the captions, at least 12 pt.
QFont sentenceFont()
{
    QFont f = QWidget().font();
    f.setPointSizeF(std::max(12.0, f.pointSizeF() * 1.3));
    return f;
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
      mSpeed(new QSlider(Qt::Horizontal, this)), mSeek(new QSlider(Qt::Horizontal, this)), mPolicy(new QComboBox(this)),
      mSpeedLabel(new QLabel(this)), mSentence(new QLabel(this))
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
    mSeek->setToolTip(tr("Position in the scenario (← / →: one interval)"));
    mSentence->setObjectName(QStringLiteral("teachingSentence"));
    mSentence->setWordWrap(true);
    mSentence->setToolTip(tr("Why the policy chose this model at this interval"));
    mSentence->setFont(sentenceFont());
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
    grid->addWidget(mSentence, 2, 0, 1, 6);
    grid->addWidget(caption(this, tr("Speed:")), 3, 0);
    grid->addWidget(mSpeed, 3, 1);
    grid->addWidget(mSpeedLabel, 3, 2);
    grid->addWidget(mSeek, 3, 3, 1, 3);
    grid->setColumnStretch(3, 1);
    // ← and → step while teaching, wherever the focus is in the window (not in a text field's own use).
    for (const auto &[key, delta] : {std::pair{Qt::Key_Left, -1}, std::pair{Qt::Key_Right, 1}}) {
        auto *shortcut = new QShortcut(QKeySequence(key), this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, d = delta] {
            if (mActive)
                stepBy(d);
        });
    }

    connect(mPlay, &QToolButton::clicked, this, [this] { isPlaying() ? pause() : play(); });
    connect(mSpeed, &QSlider::valueChanged, this, [this](int v) {
        mTimer->setInterval(1000 / v);
        showSpeed();
    });
    connect(mSeek, &QSlider::valueChanged, this, [this](int v) {
        if (v != mPosition)
            setPosition(v);
    });
    connect(mPolicy, &QComboBox::currentIndexChanged, this, &TeachingPanel::showPosition);
    connect(mTimer, &QTimer::timeout, this, &TeachingPanel::step);
    connect(document, &ScenarioDocument::resultsChanged, this, &TeachingPanel::refreshPolicies);
    mTimer->setInterval(1000 / mSpeed->value());
    showSpeed();
    refreshPolicies();
}

void TeachingPanel::showSpeed()
{
    mSpeedLabel->setText(speedText());
}

QString TeachingPanel::speedText() const
{
    const double hours = mSpeed->value() * mDocument->scenario().intervalSeconds / 3600.0;
    return tr("%1 intervals/s (%2 of data per second)")
        .arg(mSpeed->value())
        .arg(hours >= 24 ? tr("%1 days").arg(hours / 24, 0, 'g', 3) : tr("%1 h").arg(hours, 0, 'g', 3));
}

void TeachingPanel::stepBy(int delta)
{
    pause();
    setPosition(mPosition + delta);
}

void TeachingPanel::setActive(bool on)
{
    mActive = on;
    setVisible(on);
    if (!on) {
        pause();
        mTimeline->setTeachingOverlays(false);
        mTimeline->clearCursor();
        return;
    }
    showPosition();
}

void TeachingPanel::setPresentationFonts(bool on)
{
    QFont f = font();
    f.setPointSizeF(on ? std::max(16.0, QWidget().font().pointSizeF() * 1.6) : QWidget().font().pointSizeF());
    for (QWidget *w : findChildren<QWidget *>())
        if (w != mTime && w != mIntensity && w != mModel && w != mCo2)
            w->setFont(f);
    for (QLabel *big : {mTime, mIntensity, mModel, mCo2}) {
        QFont b = big->font();
        b.setPointSizeF(f.pointSizeF() * (on ? 1.8 : 2.2));
        big->setFont(b);
    }
    if (!on)
        mSentence->setFont(sentenceFont()); // its own size again, not the captions'
}

QString TeachingPanel::sentence() const
{
    return mSentence->text();
}

QString TeachingPanel::selectedSpec() const
{
    return mPolicy->currentData().toString();
}

void TeachingPanel::selectPolicy(const QString &spec)
{
    const int i = mPolicy->findData(spec);
    if (i >= 0)
        mPolicy->setCurrentIndex(i);
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
    showSpeed(); // the data per second follows the scenario's interval
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
    for (const PolicyRun &run : runs) {
        if (run.spec != spec || !run.ok() || i >= run.result.intervals.model.size())
            continue;
        const int m = run.result.intervals.model[i];
        mModel->setText(m >= 0 ? QString::fromStdString(mDocument->pool().at(m).name) : tr("—"));
        mModel->setStyleSheet(QStringLiteral("color: %1").arg(mDocument->policyStyle(run.spec).colour.darker(130).name()));
        mCo2->setText(formatMass(run.result.intervals.cumulativeCo2G[i]));
        mSentence->setText(explainStep(s, mDocument->pool(), run.spec, run.label, m, i));
    }
    if (!mActive) // an inactive panel leaves the cursor to the mouse
        return;
    // The selected heuristic's C_low, C_high and switch points; the future of every policy under the curtain.
    const HeuristicLines lines = heuristicLines(s, mDocument->pool(), spec, i);
    mTimeline->setTeachingOverlays(true, lines.valid ? lines.cLow : -1e9, lines.valid ? lines.cHigh : -1e9,
                                   lines.switchLevels);
    mTimeline->setRevealedUntil(static_cast<double>(s.times[i] + s.intervalSeconds));
    mTimeline->setCursorTime(static_cast<double>(s.times[i]) + s.intervalSeconds / 2.0);
}

} // namespace cs
