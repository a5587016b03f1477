#include "policymodelsmodel.h"

#include "policy_factory.h"
#include "poolmodel.h"
#include "scenariodocument.h"

#include <algorithm>

namespace cs {

PolicyModelsModel::PolicyModelsModel(ScenarioDocument *document, QObject *parent)
    : QAbstractTableModel(parent), mDocument(document)
{
    connect(document, &ScenarioDocument::resultsChanged, this, &PolicyModelsModel::refresh);
    refresh();
}

void PolicyModelsModel::refresh()
{
    beginResetModel();
    mRows.clear();
    const auto &entries = mDocument->policies().entries;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].spec.rfind("model:", 0) != 0)
            mRows.push_back(static_cast<int>(i));
    endResetModel();
}

int PolicyModelsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(mRows.size());
}

int PolicyModelsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : mDocument->pool().size();
}

bool PolicyModelsModel::allowed(int row, int column) const
{
    const PolicyEntry &e = mDocument->policies().entries[static_cast<std::size_t>(mRows[static_cast<std::size_t>(row)])];
    if (e.allowedModels.empty())
        return true;
    const std::string &name = mDocument->pool().at(column).name;
    return std::find(e.allowedModels.begin(), e.allowedModels.end(), name) != e.allowedModels.end();
}

QVariant PolicyModelsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    if (role == Qt::CheckStateRole)
        return allowed(index.row(), index.column()) ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole)
        return tr("May %1 use %2?")
            .arg(headerData(index.row(), Qt::Vertical).toString(),
                 QString::fromStdString(mDocument->pool().at(index.column()).name));
    return {};
}

QVariant PolicyModelsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return section < mDocument->pool().size() ? QString::fromStdString(mDocument->pool().at(section).name) : QVariant();
    if (section >= rowCount())
        return {};
    const std::string &spec =
        mDocument->policies().entries[static_cast<std::size_t>(mRows[static_cast<std::size_t>(section)])].spec;
    for (const PolicyRun &run : mDocument->runs())
        if (run.spec == spec)
            return QString::fromStdString(run.label);
    return QString::fromStdString(spec);
}

Qt::ItemFlags PolicyModelsModel::flags(const QModelIndex &index) const
{
    return Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable | QAbstractTableModel::flags(index);
}

bool PolicyModelsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid())
        return false;
    const bool on = value.toInt() == Qt::Checked;
    std::vector<std::string> models;
    for (int c = 0; c < columnCount(); ++c)
        if (c == index.column() ? on : allowed(index.row(), c))
            models.push_back(mDocument->pool().at(c).name);
    if (models.empty())
        return false; // a policy needs at least one model
    const std::string spec =
        mDocument->policies().entries[static_cast<std::size_t>(mRows[static_cast<std::size_t>(index.row())])].spec;
    mDocument->setAllowedModels(spec, std::move(models));
    return true;
}

} // namespace cs
