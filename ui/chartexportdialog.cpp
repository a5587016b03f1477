#include "chartexportdialog.h"

#include "preference.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

namespace cs {

static Preference<int> exportWidth{QStringLiteral("export/width"), 1600};
static Preference<int> exportHeight{QStringLiteral("export/height"), 1000};
static Preference<QString> exportFormat{QStringLiteral("export/format"), QStringLiteral("png")};

ChartExportDialog::ChartExportDialog(const QStringList &charts, int current, QWidget *parent)
    : QDialog(parent), mChart(new QComboBox(this)), mFormat(new QComboBox(this)), mWidth(new QSpinBox(this)),
      mHeight(new QSpinBox(this))
{
    setWindowTitle(tr("Export chart"));
    auto *form = new QFormLayout(this);
    mChart->addItems(charts);
    mChart->setCurrentIndex(current);
    mChart->setToolTip(tr("Which chart to write"));
    mFormat->addItem(tr("PNG image"), QStringLiteral("png"));
    mFormat->addItem(tr("SVG vector drawing"), QStringLiteral("svg"));
    mFormat->addItem(tr("PDF document"), QStringLiteral("pdf"));
    mFormat->setCurrentIndex(std::max(0, mFormat->findData(exportFormat.get())));
    mFormat->setToolTip(tr("PNG for slides and the web, SVG or PDF for print (vector)"));
    for (QSpinBox *spin : {mWidth, mHeight}) {
        spin->setRange(200, 10000);
        spin->setSuffix(tr(" px"));
    }
    mWidth->setValue(exportWidth.get());
    mHeight->setValue(exportHeight.get());
    mWidth->setToolTip(tr("Width of the exported chart"));
    mHeight->setToolTip(tr("Height of the exported chart"));
    form->addRow(tr("Chart:"), mChart);
    form->addRow(tr("Format:"), mFormat);
    form->addRow(tr("Width:"), mWidth);
    form->addRow(tr("Height:"), mHeight);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        exportWidth.set(mWidth->value());
        exportHeight.set(mHeight->value());
        exportFormat.set(format());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

int ChartExportDialog::chart() const
{
    return mChart->currentIndex();
}

QSize ChartExportDialog::size() const
{
    return {mWidth->value(), mHeight->value()};
}

QString ChartExportDialog::format() const
{
    return mFormat->currentData().toString();
}

} // namespace cs
