// The paper's scenario on the embedded data, checked against an independent calculation made here from the raw
// CSV text (its own parsing, averaging and switch rule), in both request settings of docs/reproduction.md.
#include "policy_factory.h"
#include "simulation.h"
#include "trace_file.h"

#include <QFile>
#include <QTest>

using namespace cs;

namespace {

QList<double> column(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    QList<double> values;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (!line.isEmpty())
            values << line.split(',').at(1).toDouble();
    }
    return values;
}

const double E[] = {359.93, 420.62, 803.09, 1238.15}; // ResNet34, 50, 101, 152 (Table 1), mJ
const double ERR[] = {8.58, 7.138, 6.454, 5.954};

// Text reading: the model whose energy is nearest E_high - x (E_high - E_low).
int textChoice(double x)
{
    const double selected = E[3] - x * (E[3] - E[0]);
    int best = 0;
    for (int m = 1; m < 4; ++m)
        if (std::abs(E[m] - selected) < std::abs(E[best] - selected))
            best = m;
    return best;
}

struct Figures
{
    double co2 = 0, error = 0;
};

Figures heuristicByHand(const QList<double> &intensity, const QList<double> &requests)
{
    const double lo = *std::min_element(intensity.begin(), intensity.end());
    const double hi = *std::max_element(intensity.begin(), intensity.end());
    Figures f;
    double n = 0;
    for (qsizetype i = 0; i < intensity.size(); ++i) {
        const int m = textChoice((intensity[i] - lo) / (hi - lo));
        f.co2 += requests[i] * E[m] / 1000 / 3.6e6 * intensity[i];
        f.error += requests[i] * ERR[m];
        n += requests[i];
    }
    f.error /= n;
    return f;
}

double singleModelCo2(const QList<double> &intensity, const QList<double> &requests, double mj)
{
    double co2 = 0;
    for (qsizetype i = 0; i < intensity.size(); ++i)
        co2 += requests[i] * mj / 1000 / 3.6e6 * intensity[i];
    return co2;
}

} // namespace

class TestPaperReproduction : public QObject
{
    Q_OBJECT
private slots:
    void oneRequestPerHalfHour()
    {
        const QList<double> ci = column(CARBONSCOPE_SOURCE_DIR "/data/carbon_south_west_england_2023-06.csv");
        const QList<double> ones(ci.size(), 1.0);
        const Scenario s = alignTraces(readTrace(CARBONSCOPE_SOURCE_DIR "/data/carbon_south_west_england_2023-06.csv",
                                                 SeriesKind::Carbon),
                                       std::nullopt);
        const ModelPool pool = resnetPool();
        const Figures hand = heuristicByHand(ci, ones);
        const Totals t = simulate(s, pool, *makePolicy("heuristic")).totals;
        QVERIFY(std::abs(t.co2G - hand.co2) < 1e-9 * hand.co2);
        QVERIFY(std::abs(t.errorPct - hand.error) < 1e-9);
        const Totals r152 = simulate(s, pool, *makePolicy("model:ResNet152")).totals;
        QVERIFY(std::abs(r152.co2G - singleModelCo2(ci, ones, 1238.15)) < 1e-9 * r152.co2G);
        qInfo("one request per half-hour: heuristic error %.4f %%, CO2 %.6f g", t.errorPct, t.co2G);
    }

    void wikipediaRequestsOnHourlyGrid()
    {
        // The hourly grid: each hour's intensity is the mean of its two half-hours (equal weights), requests as given.
        const QList<double> half = column(CARBONSCOPE_SOURCE_DIR "/data/carbon_south_west_england_2023-06.csv");
        const QList<double> req = column(CARBONSCOPE_SOURCE_DIR "/data/requests_wikipedia_en_2023-06.csv");
        QList<double> hourly;
        for (qsizetype i = 0; i + 1 < half.size(); i += 2)
            hourly << (half[i] + half[i + 1]) / 2;
        QCOMPARE(hourly.size(), req.size());

        const Scenario s = alignTraces(
            readTrace(CARBONSCOPE_SOURCE_DIR "/data/carbon_south_west_england_2023-06.csv", SeriesKind::Carbon),
            readTrace(CARBONSCOPE_SOURCE_DIR "/data/requests_wikipedia_en_2023-06.csv", SeriesKind::Requests));
        const ModelPool pool = resnetPool();
        const Totals heuristic = simulate(s, pool, *makePolicy("heuristic")).totals;
        const Figures hand = heuristicByHand(hourly, req);
        QVERIFY(std::abs(heuristic.co2G - hand.co2) < 1e-9 * hand.co2);
        QVERIFY(std::abs(heuristic.errorPct - hand.error) < 1e-9);

        const Totals r50 = simulate(s, pool, *makePolicy("model:ResNet50")).totals;
        const Totals r101 = simulate(s, pool, *makePolicy("model:ResNet101")).totals;
        QVERIFY(std::abs(r50.co2G - singleModelCo2(hourly, req, 420.62)) < 1e-9 * r50.co2G);
        QVERIFY(std::abs(r101.co2G - singleModelCo2(hourly, req, 803.09)) < 1e-9 * r101.co2G);
        const auto vs = compareToBaseline(heuristic, r50, "ResNet50");
        qInfo("Wikipedia requests: heuristic error %.4f %%, extra %.1f g, gain %.2f %%, efficiency %.6f", heuristic.errorPct,
              vs.extraCo2G, vs.relativeGainPct, vs.efficiency);
    }
};

QTEST_GUILESS_MAIN(TestPaperReproduction)
#include "test_paper_reproduction.moc"
