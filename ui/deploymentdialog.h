#pragma once

#include "deployment/deployment.h"
#include "simulation.h"

#include <QDialog>

class QCheckBox;
class QMenu;
class QWidget;
class QDoubleSpinBox;
class QSpinBox;

namespace cs {

// Edit ▸ Deployment…: what the deployment emits besides the GPUs' work (GPUs, host power, PUE, embodied
// carbon per GPU-hour) and whether the policies decide on the forecast while CO₂ is accounted on the actual
// (issue #16; docs/energy_model.md).
class DeploymentDialog : public QDialog
{
    Q_OBJECT

public:
    DeploymentDialog(const Deployment &deployment, bool decideOnForecast, bool haveForecast, QWidget *parent = nullptr);

    Deployment deployment() const;
    bool decideOnForecast() const;

private:
    QSpinBox *mGpus = nullptr;
    QDoubleSpinBox *mHostWatts = nullptr;
    QDoubleSpinBox *mPue = nullptr;
    QDoubleSpinBox *mEmbodied = nullptr;
    QCheckBox *mForecast = nullptr;
};

class ScenarioDocument;

// Edit ▸ Deployment…: applies the settings saved in QSettings (deployment/...) to `document` at once, and adds the
// action that edits them.
void addDeploymentAction(QMenu *menu, ScenarioDocument *document, QWidget *parent);

// "GPU dynamic 3.1 kg, GPU idle 22.6 kg, …": what a total is made of, for a tooltip.
QString emissionPartsText(const Totals &totals);

} // namespace cs
