#include "comparetab.h"

#include "paretoplot.h"
#include "policy_factory.h"
#include "policytable.h"
#include "scenariodocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace cs {

CompareTab::CompareTab(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), mDocument(document), mTable(new PolicyTable(document, this)),
      mPareto(new ParetoPlot(document, this)), mSpec(new QComboBox(this)), mBaseline(new QComboBox(this)),
      mMessage(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Add policy:"), this));
    mSpec->setEditable(true);
    mSpec->setInsertPolicy(QComboBox::NoInsert);
    mSpec->setMinimumWidth(360);
    // The examples of every kind in the policy registry; the user edits them (model names, thresholds, targets).
    for (const std::string &example : policyExamples())
        mSpec->addItem(QString::fromStdString(example));
    mSpec->setCurrentText(QString());
    mSpec->lineEdit()->setPlaceholderText(tr("a policy spec, e.g. threshold:VGG19@100,ResNet50@200,AlexNet"));
    QStringList help;
    for (const std::string &line : policyKindHelp())
        help << QString::fromStdString(line);
    mSpec->setToolTip(tr("A policy as the CLI names it (--policy). Known kinds:\n%1").arg(help.join(QLatin1Char('\n'))));
    row->addWidget(mSpec, 1);
    auto *add = new QPushButton(tr("Add"), this);
    add->setToolTip(tr("Simulate this policy and add it to the comparison (Enter)"));
    row->addWidget(add);
    auto *remove = new QPushButton(tr("Remove selected"), this);
    remove->setToolTip(tr("Take the selected policy out of the comparison (undoable)"));
    row->addWidget(remove);
    row->addSpacing(20);
    row->addWidget(new QLabel(tr("Baseline:"), this));
    mBaseline->setToolTip(tr("The policy the others are measured against (also: double-click a row)"));
    mBaseline->setMinimumWidth(200);
    row->addWidget(mBaseline);
    layout->addLayout(row);
    mMessage->setWordWrap(true);
    layout->addWidget(mMessage);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(mTable);
    split->addWidget(mPareto);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    connect(add, &QPushButton::clicked, this, [this] { addPolicy(mSpec->currentText()); });
    connect(mSpec->lineEdit(), &QLineEdit::returnPressed, this, [this] { addPolicy(mSpec->currentText()); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const std::string spec = mTable->currentSpec();
        if (!spec.empty())
            mDocument->removePolicy(spec);
    });
    connect(mBaseline, &QComboBox::activated, this, [this](int i) {
        mDocument->setBaseline(mBaseline->itemData(i).toString().toStdString());
    });
    connect(document, &ScenarioDocument::resultsChanged, this, &CompareTab::refreshBaselines);
    refreshBaselines();
}

void CompareTab::refreshBaselines()
{
    mBaseline->clear();
    for (const PolicyRun &run : mDocument->runs())
        if (run.ok())
            mBaseline->addItem(QString::fromStdString(run.label), QString::fromStdString(run.spec));
    mBaseline->setCurrentIndex(mBaseline->findData(QString::fromStdString(mDocument->policies().baseline)));
}

bool CompareTab::addPolicy(const QString &text)
{
    const std::string spec = text.trimmed().toStdString();
    if (spec.empty())
        return false;
    try {
        makePolicy(spec); // checks the spec before it joins the comparison
    } catch (const std::exception &e) {
        mMessage->setStyleSheet(QStringLiteral("color: #b00020"));
        mMessage->setText(QString::fromUtf8(e.what()));
        return false;
    }
    mDocument->addPolicy(spec);
    for (const PolicyRun &run : mDocument->runs()) {
        if (run.spec != spec)
            continue;
        mMessage->setStyleSheet(run.ok() ? QString() : QStringLiteral("color: #b00020"));
        mMessage->setText(run.ok() ? tr("Added %1.").arg(QString::fromStdString(run.label))
                                   : tr("%1 cannot run on this pool: %2")
                                         .arg(text, QString::fromStdString(run.error)));
    }
    return true;
}

} // namespace cs
