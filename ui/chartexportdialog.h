#pragma once

#include "chartrender.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace cs {

// Asks which chart to export, its format, its size on paper (mm or pt) and a PNG's resolution, and a title and
// caption; the file name is chosen afterwards. The choices are remembered in QSettings.
class ChartExportDialog : public QDialog
{
    Q_OBJECT

public:
    ChartExportDialog(const QStringList &charts, int current, QWidget *parent = nullptr);

    int chart() const;
    QString format() const; // "png", "svg" or "pdf"
    // Size in points, dpi, title and caption (overlays are the caller's).
    ChartExportOptions options() const;

    // For tests and callers that fill it in: the default caption names the chart.
    void setTitle(const QString &title);
    void setCaption(const QString &caption);

private:
    void unitChanged();
    void updateSummary();
    double toPoints(double value) const;

    QComboBox *mChart;
    QComboBox *mFormat;
    QComboBox *mUnit;
    QDoubleSpinBox *mWidth;
    QDoubleSpinBox *mHeight;
    QDoubleSpinBox *mDpi;
    QLineEdit *mTitle;
    QPlainTextEdit *mCaption;
    QLabel *mSummary;
    QString mShownUnit;
};

} // namespace cs
