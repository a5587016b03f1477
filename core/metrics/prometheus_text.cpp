#include "prometheus_text.h"

#include <charconv>
#include <cmath>

namespace cs {

namespace {

std::string escape(std::string_view in, bool quote)
{
    std::string out;
    out.reserve(in.size());
    for (char c : in) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '"' && quote)
            out += "\\\"";
        else
            out += c;
    }
    return out;
}

} // namespace

std::string prometheusNumber(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general); // as Go's %g: "0.0005"
    return std::string(buf, r.ptr);
}

std::string escapeLabelValue(std::string_view value)
{
    return escape(value, true);
}

std::string escapeHelpText(std::string_view text)
{
    return escape(text, false);
}

void PrometheusText::family(std::string_view name, std::string_view type, std::string_view help)
{
    mText.append("# HELP ").append(name).append(" ").append(escapeHelpText(help)).append("\n");
    mText.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void PrometheusText::sample(std::string_view name, const MetricLabels &labels, double value)
{
    mText.append(name);
    if (!labels.empty()) {
        mText += '{';
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (i)
                mText += ',';
            mText.append(labels[i].first).append("=\"").append(escapeLabelValue(labels[i].second)).append("\"");
        }
        mText += '}';
    }
    mText.append(" ").append(prometheusNumber(value)).append("\n");
}

} // namespace cs
