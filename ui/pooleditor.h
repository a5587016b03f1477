#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace cs {

class ScenarioDocument;

// The Pool tab: the model pool as an editable, validated table with undo/redo, add/duplicate/remove, reset to the
// paper's Table 1, the ResNet preset, JSON import/export, and which models each adaptive policy may use.
class PoolEditor : public QWidget
{
    Q_OBJECT

public:
    explicit PoolEditor(ScenarioDocument *document, QWidget *parent = nullptr);

    QTableView *poolTable() const { return mTable; }
    QTableView *policyModelsTable() const { return mPolicyModels; }
    QLabel *messageLabel() const { return mMessage; }

    // Empty on success, else the reason (also shown in the editor).
    QString importPoolJson(const QString &path);
    QString exportPoolJson(const QString &path);

private:
    void showMessage(const QString &text, bool error);
    int currentRow() const;

    ScenarioDocument *mDocument;
    QTableView *mTable;
    QTableView *mPolicyModels;
    QLabel *mMessage;
};

} // namespace cs
