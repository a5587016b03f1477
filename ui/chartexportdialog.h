#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace cs {

// Asks which chart to export and at what size; the file name (and so the format) is chosen afterwards.
class ChartExportDialog : public QDialog
{
    Q_OBJECT

public:
    ChartExportDialog(const QStringList &charts, int current, QWidget *parent = nullptr);

    int chart() const;
    QSize size() const;
    QString format() const; // "png", "svg" or "pdf"

private:
    QComboBox *mChart;
    QComboBox *mFormat;
    QSpinBox *mWidth;
    QSpinBox *mHeight;
};

} // namespace cs
