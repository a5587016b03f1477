#pragma once

// A number field set up in one call, for the forms that hold many (the Eco tier's designer, the Live tab).

#include <QDoubleSpinBox>
#include <QString>

namespace cs {

// `name` is the object name (tests find fields by it). The value changes when a number is finished, not at every
// digit typed (no keyboard tracking), so a form that recomputes on valueChanged does so once.
inline QDoubleSpinBox *makeSpinBox(const char *name, double lo, double hi, double value, int decimals,
                                   const QString &suffix, double step, QWidget *parent = nullptr)
{
    auto *s = new QDoubleSpinBox(parent);
    s->setObjectName(QLatin1String(name));
    s->setRange(lo, hi);
    s->setDecimals(decimals);
    s->setSingleStep(step);
    s->setValue(value);
    s->setSuffix(suffix);
    s->setKeyboardTracking(false);
    return s;
}

} // namespace cs
