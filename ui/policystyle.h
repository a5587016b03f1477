#pragma once

#include <QColor>
#include <QPen>

#include <string>

namespace cs {

// One colour per policy, stable across redraws (the n-th policy of the set), and a pen that tells single-model
// baselines (thin, a little transparent) from adaptive policies (solid).
QColor policyColor(int index);
QPen policyPen(int index, const std::string &spec);

} // namespace cs
