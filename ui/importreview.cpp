// The import dialog's data-quality step (issue 15): after a read, the report of core/data_quality.h in the dialog
// and, where it finds something, a pause for the user's look before the data is used.
#include "importdialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>

namespace cs {

void ImportDialog::showReview()
{
    const std::optional<ImportedSeries> &imported = mJob ? mJob->imported() : std::nullopt;
    mQuality.reset();
    if (!imported)
        return;
    mQuality = ImportJob::qualityOf(*imported);
    const bool zerosTaken = mZeroMissing->isChecked() && imported->kind == SeriesKind::Carbon && mQuality->zeros > 0;
    QString summary = QString::fromStdString(mQuality->summary());
    if (zerosTaken)
        summary += imported->forecastPoints > 0 ? tr("; zero actuals taken from the forecast")
                                                : tr("; zero actuals left out (no forecast to take)");
    mWarnings = mReadWarnings;
    if (!mQuality->clean())
        mWarnings += (mWarnings.isEmpty() ? QString() : QStringLiteral("; ")) + tr("data quality: %1").arg(summary);
    mReviewing = !mQuality->clean();
    if (!mReviewing) {
        mQualityLabel->clear();
        return;
    }
    QString text = tr("<b>Data quality of %1</b> (%n point(s)): %2", nullptr, static_cast<int>(mQuality->points))
                       .arg(QString::fromStdString(mSeries->name).toHtmlEscaped(), summary.toHtmlEscaped());
    text += QStringLiteral("<ul>");
    for (const std::string &line : mQuality->details())
        text += QStringLiteral("<li>%1</li>").arg(QString::fromStdString(line).toHtmlEscaped());
    text += QStringLiteral("</ul>");
    if (mQuality->zeros > 0 && imported->kind == SeriesKind::Carbon)
        text += tr("A zero intensity is doubtful: no grid emits nothing. The option above takes the forecast there.");
    mQualityLabel->setText(text);
    if (mImportButton) {
        mImportButton->setText(tr("Use this data"));
        mImportButton->setToolTip(tr("Take the series as shown; change the file or an option to read it again"));
    }
}

void ImportDialog::applyZeroChoice()
{
    if (!mReviewing || !mJob || !mJob->imported() || !mSeries)
        return;
    mSeries = ImportJob::seriesFor(*mJob->imported(), mJob->request().path, mZeroMissing->isChecked());
    showReview();
}

void ImportDialog::endReview()
{
    mReviewing = false;
    mQualityLabel->clear();
    if (mImportButton) {
        mImportButton->setText(tr("Import"));
        mImportButton->setToolTip(tr("Read the file off the GUI thread and re-simulate"));
    }
}

} // namespace cs
