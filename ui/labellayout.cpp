#include "labellayout.h"

#include <array>
#include <limits>

namespace cs {

namespace {

double overlapArea(const QRectF &a, const QRectF &b)
{
    const QRectF i = a.intersected(b);
    return i.isValid() ? i.width() * i.height() : 0.0;
}

// A label's box on side (dx, dy) of its point, `gap` pixels away from it.
QRectF besideAnchor(const QPointF &p, const QSizeF &s, int dx, int dy, double gap)
{
    double x = dx > 0 ? p.x() + gap : dx < 0 ? p.x() - gap - s.width() : p.x() - s.width() / 2;
    double y = dy > 0 ? p.y() + gap : dy < 0 ? p.y() - gap - s.height() : p.y() - s.height() / 2;
    return QRectF(QPointF(x, y), s);
}

} // namespace

std::vector<QRectF> layoutLabels(const std::vector<LabelRequest> &labels, const std::vector<QRectF> &obstacles,
                                 const QRectF &bounds, double gap)
{
    // Right first (the usual place), then left, above, below, then the diagonals.
    static constexpr std::array<std::array<int, 2>, 8> sides{
        {{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {1, 1}, {-1, -1}, {-1, 1}}};
    std::vector<QRectF> taken = obstacles;
    // Every point is an obstacle to every label, its own included (the marker's box).
    for (const LabelRequest &l : labels)
        taken.push_back(QRectF(l.anchor - QPointF(5, 5), QSizeF(10, 10)));
    std::vector<QRectF> placed;
    placed.reserve(labels.size());
    for (const LabelRequest &l : labels) {
        QRectF best;
        double bestCost = std::numeric_limits<double>::infinity();
        for (double distance : {gap, gap + l.size.height(), gap + 2.5 * l.size.height()}) {
            for (const auto &side : sides) {
                const QRectF r = besideAnchor(l.anchor, l.size, side[0], side[1], distance);
                double cost = 0;
                for (const QRectF &t : taken)
                    cost += overlapArea(r, t);
                // Outside the plot counts as covered, so a free place inside wins.
                cost += r.width() * r.height() - overlapArea(r, bounds);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = r;
                }
                if (cost == 0)
                    break;
            }
            if (bestCost == 0)
                break;
        }
        placed.push_back(best);
        taken.push_back(best);
    }
    return placed;
}

QRectF cornerRect(const QRectF &area, const QSizeF &size, int corner, double margin)
{
    const bool left = corner == 1 || corner == 3;
    const bool bottom = corner >= 2;
    const double x = left ? area.left() + margin : area.right() - margin - size.width();
    const double y = bottom ? area.bottom() - margin - size.height() : area.top() + margin;
    return QRectF(QPointF(x, y), size);
}

int freeCorner(const QRectF &area, const QSizeF &size, const std::vector<QPointF> &points, double margin)
{
    for (int corner = 0; corner < 4; ++corner) {
        // A marker is about 13 px across: a point this close to the box is covered too.
        const QRectF box = cornerRect(area, size, corner, margin).adjusted(-7, -7, 7, 7);
        bool covers = false;
        for (const QPointF &p : points)
            covers = covers || box.contains(p);
        if (!covers)
            return corner;
    }
    return -1;
}

} // namespace cs
