#include "textdelegate.h"

#include <QLineEdit>

namespace cs {

QWidget *TextDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *edit = new QLineEdit(parent);
    edit->setFrame(false);
    return edit;
}

void TextDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant v = index.data(Qt::EditRole);
    static_cast<QLineEdit *>(editor)->setText(v.typeId() == QMetaType::Double ? QString::number(v.toDouble(), 'g', 12)
                                                                             : v.toString());
}

void TextDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    model->setData(index, static_cast<QLineEdit *>(editor)->text(), Qt::EditRole);
}

} // namespace cs
