#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <vector>

namespace cs {

// Places text labels beside their points (pixels) so that no two labels overlap and no label covers a point or
// an obstacle (a legend): each label tries eight places around its point, nearest first, then the same farther
// out, and takes the first free one; where none is free, the one overlapping least. Greedy, in the given order.
struct LabelRequest
{
    QPointF anchor;  // the point, in pixels
    QSizeF size;     // the text's box
};
std::vector<QRectF> layoutLabels(const std::vector<LabelRequest> &labels, const std::vector<QRectF> &obstacles,
                                 const QRectF &bounds, double gap = 7);

// Of the four corners of `area`, the first (top right, top left, bottom right, bottom left) where a box of `size`
// covers none of `points`; -1 where every corner covers one.
int freeCorner(const QRectF &area, const QSizeF &size, const std::vector<QPointF> &points, double margin = 6);
QRectF cornerRect(const QRectF &area, const QSizeF &size, int corner, double margin = 6);

} // namespace cs
