#pragma once

// One chart of the Eco tab over eco share x discount: a heat map where the value varies along both, else a line
// over the one that varies (no one-dimensional stripes). Header-only because test_eco_designer compiles the Eco
// widget on its own, without the GUI library.

#include "qcp.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <vector>

namespace cs {

struct EcoGrid
{
    std::vector<double> shares;    // percent
    std::vector<double> discounts; // percent
    std::vector<double> values;    // values[s * discounts.size() + d]; NaN where undefined

    double at(std::size_t s, std::size_t d) const { return values[s * discounts.size() + d]; }

    // Whether the value changes along shares (at some discount) or along discounts (at some share), beyond
    // rounding: a billionth of the largest magnitude.
    bool varies(bool alongShares) const
    {
        double largest = 0;
        for (double v : values)
            if (std::isfinite(v))
                largest = std::max(largest, std::fabs(v));
        const double tolerance = 1e-9 * largest;
        const std::size_t outer = alongShares ? discounts.size() : shares.size();
        const std::size_t inner = alongShares ? shares.size() : discounts.size();
        for (std::size_t o = 0; o < outer; ++o) {
            double first = NAN;
            for (std::size_t i = 0; i < inner; ++i) {
                const double v = alongShares ? at(i, o) : at(o, i);
                if (!std::isfinite(v))
                    continue;
                if (std::isnan(first))
                    first = v;
                else if (std::fabs(v - first) > tolerance)
                    return true;
            }
        }
        return false;
    }
};

struct EcoChart
{
    enum class Shape { Map, LineOverShare, LineOverDiscount };

    QCustomPlot *plot = nullptr;
    QCPColorMap *map = nullptr;
    QCPColorScale *scale = nullptr;
    QCPGraph *marker = nullptr;
    QCPCurve *choice = nullptr; // the shares users choose, on a map
    QCPGraph *line = nullptr;   // the value over the one axis that varies
    Shape shape = Shape::Map;

    static EcoChart make(const QString &title, const QString &scaleLabel, const QFont &font)
    {
        EcoChart c;
        c.plot = new QCustomPlot;
        c.plot->setMinimumSize(320, 220);
        c.plot->plotLayout()->insertRow(0);
        c.plot->plotLayout()->addElement(0, 0, new QCPTextElement(c.plot, title, QFont(font.family(), font.pointSize(), QFont::Bold)));
        c.map = new QCPColorMap(c.plot->xAxis, c.plot->yAxis);
        c.scale = new QCPColorScale(c.plot);
        c.plot->plotLayout()->addElement(1, 1, c.scale);
        c.scale->setType(QCPAxis::atRight);
        c.scale->axis()->setLabel(scaleLabel);
        c.map->setColorScale(c.scale);
        QCPColorGradient gradient(QCPColorGradient::gpThermal);
        gradient.setNanHandling(QCPColorGradient::nhTransparent); // cells with no value stay empty
        c.map->setGradient(gradient);
        c.map->setInterpolate(false);
        auto *group = new QCPMarginGroup(c.plot);
        c.plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
        c.scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
        c.marker = c.plot->addGraph();
        c.marker->setLineStyle(QCPGraph::lsNone);
        c.marker->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCrossCircle, QPen(Qt::white, 2), Qt::NoBrush, 12));
        c.choice = new QCPCurve(c.plot->xAxis, c.plot->yAxis);
        c.choice->setPen(QPen(Qt::white, 2, Qt::DashLine));
        c.choice->setVisible(false);
        c.line = c.plot->addGraph();
        c.line->setPen(QPen(QColor(0x0072B2), 2));
        c.line->setVisible(false);
        return c;
    }

    // Shows `grid` as a map or a line; `unit` divides the values (a line's axis and the map's scale say it).
    // The marker goes to the design (share %, discount %).
    void show(const EcoGrid &grid, double unit, const QString &valueLabel, double share, double discount,
              bool usersChoose)
    {
        const bool alongShares = grid.varies(true), alongDiscounts = grid.varies(false);
        shape = alongShares && alongDiscounts ? Shape::Map
                : alongDiscounts              ? Shape::LineOverDiscount
                                              : Shape::LineOverShare;
        const bool isMap = shape == Shape::Map;
        const std::size_t ns = grid.shares.size(), nd = grid.discounts.size();
        map->data()->setSize(static_cast<int>(ns), static_cast<int>(nd));
        map->data()->setRange(QCPRange(grid.shares.front(), grid.shares.back()),
                              QCPRange(grid.discounts.front(), grid.discounts.back()));
        double lo = INFINITY, hi = -INFINITY;
        for (std::size_t s = 0; s < ns; ++s)
            for (std::size_t d = 0; d < nd; ++d) {
                const double v = grid.at(s, d) / unit;
                map->data()->setCell(static_cast<int>(s), static_cast<int>(d), v);
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            }
        if (lo <= hi)
            map->setDataRange(QCPRange(lo, hi > lo ? hi : lo * 1.01 + 1e-12));
        // Plain decimals on the value axes ("5000000", not "5·10^6"); decimals only for small values.
        const int decimals = std::max(std::fabs(lo), std::fabs(hi)) >= 100 ? 0 : 2;
        for (QCPAxis *axis : {scale->axis(), plot->yAxis}) {
            axis->setNumberFormat(QStringLiteral("f"));
            axis->setNumberPrecision(decimals);
        }
        map->setVisible(isMap);
        choice->setVisible(isMap && usersChoose);
        const bool scaleShown = plot->plotLayout()->hasElement(1, 1);
        if (isMap && !scaleShown) {
            plot->plotLayout()->addElement(1, 1, scale);
            scale->setVisible(true);
        } else if (!isMap && scaleShown) {
            plot->plotLayout()->take(scale);
            plot->plotLayout()->simplify();
            scale->setVisible(false);
        }
        line->setVisible(!isMap);
        marker->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCrossCircle, QPen(isMap ? Qt::white : Qt::black, 2),
                                                Qt::NoBrush, 12));
        plot->xAxis->setLabel(shape == Shape::LineOverDiscount ? QObject::tr("Discount (%)") : QObject::tr("Eco share (%)"));
        plot->yAxis->setLabel(isMap ? QObject::tr("Discount (%)") : valueLabel);
        if (isMap) {
            plot->yAxis->setNumberPrecision(0); // the discount, in whole percent
            marker->setData({share}, {discount});
            plot->xAxis->setRange(grid.shares.front() - 2.5, grid.shares.back() + 2.5);
            const double maxD = grid.discounts.back();
            plot->yAxis->setRange(-maxD / 40, maxD * 41 / 40);
            return;
        }
        // The line: the value at each step of the axis that varies, at the first step of the other where defined.
        QVector<double> xs, ys;
        const bool overShare = shape == Shape::LineOverShare;
        for (std::size_t i = 0; i < (overShare ? ns : nd); ++i) {
            double v = NAN;
            for (std::size_t j = 0; j < (overShare ? nd : ns) && !std::isfinite(v); ++j)
                v = overShare ? grid.at(i, j) : grid.at(j, i);
            if (std::isfinite(v)) {
                xs << (overShare ? grid.shares[i] : grid.discounts[i]);
                ys << v / unit;
            }
        }
        line->setData(xs, ys, true);
        const double x = overShare ? share : discount;
        double y = NAN; // the marker on the line, interpolated
        for (int i = 1; i < xs.size(); ++i)
            if (x >= xs[i - 1] && x <= xs[i])
                y = ys[i - 1] + (ys[i] - ys[i - 1]) * (xs[i] > xs[i - 1] ? (x - xs[i - 1]) / (xs[i] - xs[i - 1]) : 0);
        marker->setData(std::isfinite(y) ? QVector<double>{x} : QVector<double>{},
                        std::isfinite(y) ? QVector<double>{y} : QVector<double>{});
        plot->xAxis->setRange(overShare ? grid.shares.front() : grid.discounts.front(),
                              overShare ? grid.shares.back() : grid.discounts.back());
        bool found = false;
        QCPRange range = line->getValueRange(found);
        if (found) {
            const double pad = std::max(range.size() * 0.05, std::fabs(range.upper) * 0.05 + 1e-12);
            plot->yAxis->setRange(std::min(0.0, range.lower - pad), range.upper + pad);
        }
    }
};

} // namespace cs
