#include "chartexportdialog.h"

#include "preference.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace cs {

// Sizes are kept in points whatever unit is shown; 160 x 100 mm suits a single-column figure.
static Preference<double> exportWidthPt{QStringLiteral("export/widthPt"), 160 * pointsPerMm};
static Preference<double> exportHeightPt{QStringLiteral("export/heightPt"), 100 * pointsPerMm};
static Preference<double> exportDpi{QStringLiteral("export/dpi"), 300};
static Preference<QString> exportUnit{QStringLiteral("export/unit"), QStringLiteral("mm")};
static Preference<QString> exportFormat{QStringLiteral("export/format"), QStringLiteral("png")};

ChartExportDialog::ChartExportDialog(const QStringList &charts, int current, QWidget *parent)
    : QDialog(parent), mChart(new QComboBox(this)), mFormat(new QComboBox(this)), mUnit(new QComboBox(this)),
      mWidth(new QDoubleSpinBox(this)), mHeight(new QDoubleSpinBox(this)), mDpi(new QDoubleSpinBox(this)),
      mTitle(new QLineEdit(this)), mCaption(new QPlainTextEdit(this)), mSummary(new QLabel(this))
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
    mUnit->addItem(tr("millimetres"), QStringLiteral("mm"));
    mUnit->addItem(tr("points (1/72 inch)"), QStringLiteral("pt"));
    mUnit->setCurrentIndex(std::max(0, mUnit->findData(exportUnit.get())));
    mShownUnit = mUnit->currentData().toString();
    for (QDoubleSpinBox *spin : {mWidth, mHeight}) {
        spin->setDecimals(1);
        spin->setSuffix(QStringLiteral(" ") + mShownUnit);
    }
    mWidth->setRange(toPoints(1) > 1 ? 20 : 50, toPoints(1) > 1 ? 2000 : 5000);
    mHeight->setRange(mWidth->minimum(), mWidth->maximum());
    mWidth->setValue(exportWidthPt.get() / toPoints(1));
    mHeight->setValue(exportHeightPt.get() / toPoints(1));
    mWidth->setToolTip(tr("Width on paper, title and caption included"));
    mHeight->setToolTip(tr("Height on paper, title and caption included"));
    mDpi->setRange(72, 1200);
    mDpi->setDecimals(0);
    mDpi->setSuffix(tr(" dpi"));
    mDpi->setValue(exportDpi.get());
    mDpi->setToolTip(tr("Pixels per inch of a PNG (300 for print, 150 for slides); PDF and SVG are vectors"));
    mTitle->setPlaceholderText(tr("none"));
    mCaption->setPlaceholderText(tr("none"));
    mCaption->setFixedHeight(fontMetrics().lineSpacing() * 4);
    form->addRow(tr("Chart:"), mChart);
    form->addRow(tr("Format:"), mFormat);
    form->addRow(tr("Unit:"), mUnit);
    form->addRow(tr("Width:"), mWidth);
    form->addRow(tr("Height:"), mHeight);
    form->addRow(tr("PNG resolution:"), mDpi);
    form->addRow(tr("Title:"), mTitle);
    form->addRow(tr("Caption:"), mCaption);
    form->addRow(mSummary);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(mUnit, &QComboBox::currentIndexChanged, this, &ChartExportDialog::unitChanged);
    connect(mFormat, &QComboBox::currentIndexChanged, this, &ChartExportDialog::updateSummary);
    for (QDoubleSpinBox *spin : {mWidth, mHeight, mDpi})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ChartExportDialog::updateSummary);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const ChartExportOptions o = options();
        exportWidthPt.set(o.sizePt.width());
        exportHeightPt.set(o.sizePt.height());
        exportDpi.set(o.dpi);
        exportUnit.set(mShownUnit);
        exportFormat.set(format());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateSummary();
}

double ChartExportDialog::toPoints(double value) const
{
    return mShownUnit == QLatin1String("mm") ? value * pointsPerMm : value;
}

void ChartExportDialog::unitChanged()
{
    // The same size on paper in the new unit.
    const QSizeF pt(toPoints(mWidth->value()), toPoints(mHeight->value()));
    mShownUnit = mUnit->currentData().toString();
    const double perUnit = toPoints(1);
    for (QDoubleSpinBox *spin : {mWidth, mHeight}) {
        const QSignalBlocker block(spin);
        spin->setSuffix(QStringLiteral(" ") + mShownUnit);
        spin->setRange(perUnit > 1 ? 20 : 50, perUnit > 1 ? 2000 : 5000);
    }
    {
        const QSignalBlocker b1(mWidth), b2(mHeight);
        mWidth->setValue(pt.width() / perUnit);
        mHeight->setValue(pt.height() / perUnit);
    }
    updateSummary();
}

void ChartExportDialog::updateSummary()
{
    const ChartExportOptions o = options();
    mDpi->setEnabled(format() == QLatin1String("png"));
    const QString paper = tr("%1 x %2 mm").arg(o.sizePt.width() / pointsPerMm, 0, 'f', 1)
                              .arg(o.sizePt.height() / pointsPerMm, 0, 'f', 1);
    mSummary->setText(format() == QLatin1String("png")
                          ? tr("%1 on paper: %2 x %3 pixels").arg(paper).arg(o.pixelSize().width()).arg(o.pixelSize().height())
                          : tr("%1 on paper, vector; text at its size in points").arg(paper));
}

int ChartExportDialog::chart() const
{
    return mChart->currentIndex();
}

QString ChartExportDialog::format() const
{
    return mFormat->currentData().toString();
}

ChartExportOptions ChartExportDialog::options() const
{
    ChartExportOptions o;
    o.sizePt = QSizeF(toPoints(mWidth->value()), toPoints(mHeight->value()));
    o.dpi = mDpi->value();
    o.title = mTitle->text().trimmed();
    o.caption = mCaption->toPlainText().trimmed();
    return o;
}

void ChartExportDialog::setTitle(const QString &title)
{
    mTitle->setText(title);
}

void ChartExportDialog::setCaption(const QString &caption)
{
    mCaption->setPlainText(caption);
}

} // namespace cs
