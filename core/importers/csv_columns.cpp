#include "csv_columns.h"

#include "csv_input.h"
#include "import_context.h"
#include "import_text.h"

namespace cs {

namespace {
// Short names ("y") must match exactly; longer ones may be part of a header ("carbon intensity (gco2/kwh)").
bool matches(const std::string &header, const std::string &want)
{
    return header == want || (want.size() >= 4 && header.find(want) != std::string::npos);
}
const std::vector<std::string> timeNames = {"datetime", "timestamp", "time", "date", "ds", "period", "from",
                                            "point_time", "start"};
}

CsvColumns::CsvColumns(ImportContext &context, const ImportOptions &o, CsvInput &input, const std::vector<std::string> &valueNames,
                       bool allowNoValue)
{
    const std::vector<std::string> first = input.fields();
    const int line = input.reader().line();
    if (o.header) {
        mHasHeader = *o.header;
    } else {
        // A header is a first record whose first field is neither a time nor a number.
        const std::string_view f = first.empty() ? std::string_view() : std::string_view(first[0]);
        mHasHeader = !importtext::time(f, o.timeFormat, 0) && !importtext::number(f);
    }
    if (mHasHeader) {
        mHeader = first;
    } else {
        for (std::size_t i = 0; i < first.size(); ++i)
            mHeader.push_back(std::to_string(i + 1));
    }

    auto pick = [&](const std::string &option, const char *what) {
        const int c = importtext::findColumn(mHeader, option);
        if (c < 0)
            context.fail(line, 1, std::string("no ") + what + " column \"" + option + "\" (columns: "
                                      + importtext::quotedList(mHeader)
                                      + ")");
        return c;
    };
    if (!o.timeColumn.empty()) {
        mTime = pick(o.timeColumn, "time");
    } else if (mHasHeader) {
        for (const std::string &want : timeNames) {
            for (std::size_t i = 0; i < mHeader.size() && mTime < 0; ++i) {
                const std::string h = importtext::lower(mHeader[i]);
                if (h == want || h.starts_with(want + " ") || h.starts_with(want + "_"))
                    mTime = static_cast<int>(i);
            }
            if (mTime >= 0)
                break;
        }
        if (mTime < 0)
            mTime = 0;
    } else {
        mTime = 0;
    }

    if (!o.valueColumn.empty()) {
        mValue = pick(o.valueColumn, "value");
    } else {
        if (mHasHeader) {
            for (const std::string &want : valueNames) {
                for (std::size_t i = 0; i < mHeader.size() && mValue < 0; ++i)
                    if (static_cast<int>(i) != mTime && matches(importtext::lower(mHeader[i]), want))
                        mValue = static_cast<int>(i);
                if (mValue >= 0)
                    break;
            }
        }
        if (mValue < 0) {
            // The one other column, or the first after the time.
            for (std::size_t i = 0; i < mHeader.size() && mValue < 0; ++i)
                if (static_cast<int>(i) != mTime && (!mHasHeader || importtext::lower(mHeader[i]) != "to"))
                    mValue = static_cast<int>(i);
        }
        if (mValue < 0 && !allowNoValue)
            context.fail(line, 1, "expected a value column beside the time column");
    }
    if (mHasHeader && mValue >= 0 && importtext::lower(mHeader[static_cast<std::size_t>(mValue)]) == "actual") {
        for (std::size_t i = 0; i < mHeader.size(); ++i)
            if (importtext::lower(mHeader[i]) == "forecast")
                mForecast = static_cast<int>(i);
    }
}

} // namespace cs
