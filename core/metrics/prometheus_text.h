#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cs {

using MetricLabels = std::vector<std::pair<std::string, std::string>>;

// Builds Prometheus's text exposition format, version 0.0.4 (the format every Prometheus scrapes): per family a
// `# HELP` and a `# TYPE` line, then its samples as `name{label="value",...} number`.
// https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
class PrometheusText
{
public:
    // type: counter, gauge, histogram, summary or untyped.
    void family(std::string_view name, std::string_view type, std::string_view help);
    void sample(std::string_view name, const MetricLabels &labels, double value);
    void sample(std::string_view name, double value) { sample(name, {}, value); }

    const std::string &text() const { return mText; }

private:
    std::string mText;
};

// A sample value: the shortest decimal that reads back as the same double ("0.1", "42", "1e-07"); "+Inf",
// "-Inf" and "NaN" as the format spells them.
std::string prometheusNumber(double value);
// A label value with backslash, double quote and line feed escaped.
std::string escapeLabelValue(std::string_view value);
// A HELP text with backslash and line feed escaped.
std::string escapeHelpText(std::string_view text);

// The Content-Type of the format.
inline constexpr std::string_view prometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

} // namespace cs
