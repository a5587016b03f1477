#pragma once

#include "policy.h"
#include "service_constraints.h"

#include <optional>

namespace cs {

// Learns the split optimum's price of error on past data and applies it online (issue 17).
// The hindsight split optimum is "serve each request with the model minimising CO2 + lambda x error" for one
// price lambda over the whole scenario (docs/optimization.md); any constant price is on the optimal frontier, so
// what costs online is only that the price must be guessed and so moves. The price is fitted as the LP
// multiplier at which a window's split optimum reaches a target error:
//   online:price[:window=7d]     at each interval, on the actual intensity of the intervals that started in
//                                [t - window, t) (measured data only); the current intensity is known, as for
//                                `online`. No history yet: the least-error model.
//   forecast:price[:window=7d]   once per UTC day, on the day-ahead forecast of [day end - window, day end):
//                                the past days' forecasts with their requests, and the day itself with the
//                                requests of the same slot the day before expected. Decides on the interval's
//                                forecast; the simulator prices the choice on the actual intensity.
// The target error is `max-error=PCT` where given; by default the error that the paper's heuristic (text
// reading) reaches on that same window with the window's own C_low/C_high: the quality the operator would get
// from the heuristic, without looking at the future. Optional ",gpus=N,slo-ms=MS": the price is learned without
// them, then the chosen model is replaced by the serving model nearest in energy (as for `online`).
class OnlinePricePolicy : public Policy
{
public:
    enum class Source { TrailingWindow, DayAheadForecast };

    OnlinePricePolicy(Source source, long long windowSeconds, std::optional<double> maxErrorPct,
                      ServiceConstraints constraints = {});
    static std::unique_ptr<OnlinePricePolicy> parse(const std::string &spec, const std::string &args,
                                                    Source source);

    std::string spec() const override;
    std::string label() const override;
    Assignment assign(const Scenario &scenario, const ModelPool &pool) const override;

    // The price (grams per request per error point) in force at each interval; nullopt where there was no
    // history to learn from. assign() chooses with exactly these.
    std::vector<std::optional<double>> prices(const Scenario &scenario, const ModelPool &pool) const;

private:
    std::vector<std::optional<double>> trailingPrices(const Scenario &scenario, const ModelPool &pool) const;
    std::vector<std::optional<double>> forecastPrices(const Scenario &scenario, const ModelPool &pool) const;

    Source mSource;
    long long mWindowSeconds;
    std::optional<double> mMaxErrorPct;
    ServiceConstraints mConstraints;
};

} // namespace cs
