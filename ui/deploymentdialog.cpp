#include "deploymentdialog.h"

#include "deployment/deployment_limits.h"
#include "scenariodocument.h"
#include "unitformat.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>

namespace cs {

DeploymentDialog::DeploymentDialog(const Deployment &d, bool decideOnForecast, bool haveForecast, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("DeploymentDialog"));
    setWindowTitle(tr("Deployment"));
    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(tr("What the deployment emits besides the GPUs' work. A pool model with a profiled load "
                                "curve is charged its measured power at each interval's request rate, idle included; "
                                "one without, its energy per inference (the paper's Table 1)."));
    intro->setWordWrap(true);
    form->addRow(intro);

    mGpus = new QSpinBox;
    mGpus->setObjectName(QStringLiteral("gpus"));
    mGpus->setRange(1, 100000);
    mGpus->setValue(d.gpus);
    form->addRow(tr("GPUs"), mGpus);

    mHostWatts = new QDoubleSpinBox;
    mHostWatts->setObjectName(QStringLiteral("hostWatts"));
    mHostWatts->setRange(0, limits::maxDeviceWatts);
    mHostWatts->setSuffix(tr(" W"));
    mHostWatts->setValue(d.hostWatts);
    mHostWatts->setToolTip(tr("CPU, memory and fans of the server(s) while serving"));
    form->addRow(tr("Host power"), mHostWatts);

    mPue = new QDoubleSpinBox;
    mPue->setObjectName(QStringLiteral("pue"));
    mPue->setRange(1, limits::maxPue);
    mPue->setDecimals(2);
    mPue->setSingleStep(0.05);
    mPue->setValue(d.pue);
    mPue->setToolTip(tr("Power usage effectiveness of the facility: 1 = no cooling or conversion overhead"));
    form->addRow(tr("PUE"), mPue);

    mEmbodied = new QDoubleSpinBox;
    mEmbodied->setObjectName(QStringLiteral("embodied"));
    mEmbodied->setRange(0, 1e6);
    mEmbodied->setDecimals(2);
    mEmbodied->setSuffix(tr(" g per GPU-hour"));
    mEmbodied->setValue(d.embodiedGPerGpuHour);
    mEmbodied->setToolTip(tr("Manufacturing emissions amortised over the GPU's life; BLOOM's servers: about 10.3 g "
                             "per GPU-hour (Luccioni et al. 2023, docs/energy_model.md)"));
    form->addRow(tr("Embodied carbon"), mEmbodied);

    mForecast = new QCheckBox(tr("Policies decide on the forecast; CO₂ is accounted on the actual"));
    mForecast->setObjectName(QStringLiteral("decideOnForecast"));
    mForecast->setChecked(decideOnForecast && haveForecast);
    mForecast->setEnabled(haveForecast);
    if (!haveForecast)
        mForecast->setToolTip(tr("The carbon trace has no forecast column"));
    form->addRow(mForecast);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

Deployment DeploymentDialog::deployment() const
{
    return Deployment{mGpus->value(), mHostWatts->value(), mPue->value(), mEmbodied->value()};
}

bool DeploymentDialog::decideOnForecast() const { return mForecast->isChecked(); }

} // namespace cs

namespace cs {

namespace {

Deployment savedDeployment(bool *decideOnForecast)
{
    QSettings s;
    *decideOnForecast = s.value(QStringLiteral("deployment/decideOnForecast"), false).toBool();
    Deployment d{s.value(QStringLiteral("deployment/gpus"), 1).toInt(),
                 s.value(QStringLiteral("deployment/hostWatts"), 0.0).toDouble(),
                 s.value(QStringLiteral("deployment/pue"), 1.0).toDouble(),
                 s.value(QStringLiteral("deployment/embodiedGPerGpuHour"), 0.0).toDouble()};
    try {
        d.validate();
    } catch (const std::exception &) {
        d = Deployment{}; // a settings file edited by hand: the paper's account rather than a wrong one
    }
    return d;
}

void saveDeployment(const Deployment &d, bool decideOnForecast)
{
    QSettings s;
    s.setValue(QStringLiteral("deployment/gpus"), d.gpus);
    s.setValue(QStringLiteral("deployment/hostWatts"), d.hostWatts);
    s.setValue(QStringLiteral("deployment/pue"), d.pue);
    s.setValue(QStringLiteral("deployment/embodiedGPerGpuHour"), d.embodiedGPerGpuHour);
    s.setValue(QStringLiteral("deployment/decideOnForecast"), decideOnForecast);
}

} // namespace

void addDeploymentAction(QMenu *menu, ScenarioDocument *document, QWidget *parent)
{
    bool forecast = false;
    const Deployment saved = savedDeployment(&forecast);
    if (forecast || saved.gpus != 1 || saved.hostWatts > 0 || saved.pue > 1 || saved.embodiedGPerGpuHour > 0)
        document->setAccounting(saved, forecast);
    QAction *a = menu->addAction(QObject::tr("&Deployment…"), parent, [document, parent] {
        const Scenario &s = document->scenario();
        DeploymentDialog dialog(document->deployment(), document->decidesOnForecast(),
                                !s.empty() && s.forecast.size() == s.size(), parent);
        if (dialog.exec() != QDialog::Accepted)
            return;
        try {
            document->setAccounting(dialog.deployment(), dialog.decideOnForecast());
            saveDeployment(dialog.deployment(), dialog.decideOnForecast());
        } catch (const std::exception &e) {
            QMessageBox::warning(parent, QObject::tr("Deployment"), QString::fromUtf8(e.what()));
        }
    });
    a->setObjectName(QStringLiteral("actionDeployment"));
    a->setStatusTip(QObject::tr("GPUs, host power, PUE, embodied carbon, and the signal the policies decide on"));
}

QString emissionPartsText(const Totals &t)
{
    const EmissionParts &p = t.parts;
    return QObject::tr("GPU dynamic %1, GPU idle %2, host %3, facility overhead %4, embodied %5 (GPUs priced %6)")
        .arg(formatMass(p.gpuDynamicG), formatMass(p.gpuIdleG), formatMass(p.hostG), formatMass(p.overheadG),
             formatMass(p.embodiedG), QString::fromUtf8(energyBasisName(t.basis)));
}

} // namespace cs
