#include "poolmodel.h"

#include "addremovemodel.h"
#include "changemodel.h"
#include "replacepool.h"

#include "parse_error.h"

#include <QUndoStack>

#include <cmath>

namespace cs {

namespace {

QVariant optionalValue(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant();
}

// Parses a number typed by the user; empty text means "no value" where the column allows it.
std::optional<double> toNumber(const QVariant &value, bool *ok)
{
    const QString text = value.toString().trimmed();
    if (text.isEmpty()) {
        *ok = true;
        return std::nullopt;
    }
    const double v = text.toDouble(ok);
    return *ok ? std::optional<double>(v) : std::nullopt;
}

} // namespace

PoolModel::PoolModel(QUndoStack *undoStack, QObject *parent)
    : QAbstractTableModel(parent), mPool(paperPool()), mUndoStack(undoStack)
{}

int PoolModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : mPool.size();
}

int PoolModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PoolModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= mPool.size())
        return {};
    const Model &m = mPool.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Name: return QString::fromStdString(m.name);
        case Energy: return m.energyMj;
        case Error: return m.errorPct;
        case Latency: return optionalValue(m.latencyMs);
        case Throughput: return optionalValue(m.throughputPerS);
        case Source: return QString::fromStdString(m.source);
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (index.column() != Name && index.column() != Source)
            return int(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Name: return tr("Unique model name; policies refer to it as model:NAME");
        case Energy: return tr("Energy per inference in millijoules (not negative)");
        case Error: return tr("Top-5 error in percent (0 to 100)");
        case Latency: return tr("Latency per request in milliseconds (optional; empty for none)");
        case Throughput: return tr("Inferences per second per GPU (optional; empty for none)");
        case Source: return tr("Where the figures come from");
        }
    }
    return {};
}

QVariant PoolModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Model");
    case Energy: return tr("Energy (mJ/inference)");
    case Error: return tr("Top-5 error (%)");
    case Latency: return tr("Latency (ms)");
    case Throughput: return tr("Throughput (inf/s)");
    case Source: return tr("Source");
    }
    return {};
}

Qt::ItemFlags PoolModel::flags(const QModelIndex &index) const
{
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

QString PoolModel::validate(int row, int column, const QVariant &value) const
{
    if (column == Name) {
        const QString name = value.toString().trimmed();
        if (name.isEmpty())
            return tr("A model needs a name.");
        for (int i = 0; i < mPool.size(); ++i)
            if (i != row && QString::fromStdString(mPool.at(i).name) == name)
                return tr("There is already a model named %1; names must be unique.").arg(name);
        return {};
    }
    if (column == Source)
        return {};
    bool ok = false;
    const std::optional<double> v = toNumber(value, &ok);
    const QString what = headerData(column, Qt::Horizontal).toString();
    if (!ok || (v && !std::isfinite(*v)))
        return tr("%1: \"%2\" is not a number.").arg(what, value.toString());
    if (!v && (column == Energy || column == Error))
        return tr("%1 needs a value.").arg(what);
    if (v && *v < 0)
        return tr("%1 cannot be negative.").arg(what);
    if (v && column == Error && *v > 100)
        return tr("%1 cannot exceed 100 %.").arg(what);
    // The rest of each figure's documented range (energy above 0, the maxima): the core's own check, so the
    // editor accepts exactly what a pool file may hold.
    Model candidate = mPool.at(row);
    switch (column) {
    case Energy: candidate.energyMj = *v; break;
    case Error: candidate.errorPct = *v; break;
    case Latency: candidate.latencyMs = v; break;
    case Throughput: candidate.throughputPerS = v; break;
    default: break;
    }
    try {
        validateModel(candidate);
    } catch (const InputError &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

bool PoolModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    const QString problem = validate(index.row(), index.column(), value);
    if (!problem.isEmpty()) {
        Q_EMIT editRejected(problem);
        return false;
    }
    Model m = mPool.at(index.row());
    bool ok = true;
    switch (index.column()) {
    case Name: m.name = value.toString().trimmed().toStdString(); break;
    case Energy: m.energyMj = *toNumber(value, &ok); break;
    case Error: m.errorPct = *toNumber(value, &ok); break;
    case Latency: m.latencyMs = toNumber(value, &ok); break;
    case Throughput: m.throughputPerS = toNumber(value, &ok); break;
    case Source: m.source = value.toString().toStdString(); break;
    }
    if (m == mPool.at(index.row()))
        return true;
    const QString text = tr("Edit %1 of %2")
                             .arg(headerData(index.column(), Qt::Horizontal).toString(),
                                  QString::fromStdString(mPool.at(index.row()).name));
    mUndoStack->push(new ChangeModel(this, index.row(), std::move(m), text));
    return true;
}

QString PoolModel::uniqueName(const QString &base) const
{
    QString name = base;
    for (int n = 2; mPool.indexOf(name.toStdString()) >= 0; ++n)
        name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    return name;
}

void PoolModel::addModel()
{
    Model m;
    m.name = uniqueName(tr("New model")).toStdString();
    m.energyMj = 100;
    m.errorPct = 10;
    m.source = tr("entered by hand").toStdString();
    mUndoStack->push(new AddRemoveModel(this, mPool.size(), std::move(m), tr("Add model")));
}

void PoolModel::duplicateModel(int row)
{
    if (row < 0 || row >= mPool.size())
        return;
    Model m = mPool.at(row);
    m.name = uniqueName(QString::fromStdString(m.name) + tr(" copy")).toStdString();
    mUndoStack->push(new AddRemoveModel(this, row + 1, std::move(m), tr("Duplicate model")));
}

void PoolModel::deleteModel(int row)
{
    if (row < 0 || row >= mPool.size())
        return;
    if (mPool.size() == 1) {
        Q_EMIT editRejected(tr("The pool needs at least one model."));
        return;
    }
    mUndoStack->push(new AddRemoveModel(this, row, tr("Remove %1").arg(QString::fromStdString(mPool.at(row).name))));
}

void PoolModel::resetPool(const ModelPool &pool, const QString &why)
{
    mUndoStack->push(new ReplacePool(this, pool, why));
}

Model PoolModel::replaceModel(int row, Model model)
{
    std::swap(mPool.models.at(static_cast<std::size_t>(row)), model);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    const std::string &newName = mPool.at(row).name;
    if (model.name != newName)
        Q_EMIT modelRenamed(QString::fromStdString(model.name), QString::fromStdString(newName));
    Q_EMIT poolEdited();
    return model;
}

void PoolModel::insertModel(int row, Model model)
{
    beginInsertRows({}, row, row);
    const QString name = QString::fromStdString(model.name);
    mPool.models.insert(mPool.models.begin() + row, std::move(model));
    endInsertRows();
    Q_EMIT modelInserted(name);
    Q_EMIT poolEdited();
}

Model PoolModel::takeModel(int row)
{
    beginRemoveRows({}, row, row);
    Model m = std::move(mPool.models.at(static_cast<std::size_t>(row)));
    mPool.models.erase(mPool.models.begin() + row);
    endRemoveRows();
    Q_EMIT poolEdited();
    return m;
}

ModelPool PoolModel::replacePool(ModelPool pool)
{
    beginResetModel();
    std::swap(mPool, pool);
    endResetModel();
    Q_EMIT poolReplaced();
    Q_EMIT poolEdited();
    return pool;
}

} // namespace cs
