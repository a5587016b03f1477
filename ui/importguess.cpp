#include "importdialog.h"

#include "csv_sniff.h"

// The dialog's guess at a file's layout from its first bytes (the preview), kept apart from the widgets.
namespace cs {

namespace {

constexpr int PreviewRows = 20;

QStringList splitLine(const QString &line, QChar delimiter)
{
    // Enough for a preview: quoted fields keep their delimiters, quotes are dropped.
    QStringList fields;
    QString field;
    bool quoted = false;
    for (QChar c : line) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (c == delimiter && !quoted) {
            fields << field.trimmed();
            field.clear();
        } else
            field += c;
    }
    fields << field.trimmed();
    return fields;
}

} // namespace

ImportDialog::Guess ImportDialog::guess(const QByteArray &head, QChar delimiter, std::optional<bool> header)
{
    Guess g;
    QString text = QString::fromUtf8(head);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!head.isEmpty() && !head.endsWith('\n') && lines.size() > 1)
        lines.removeLast(); // cut off mid-line
    for (QString &l : lines)
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    lines.removeAll(QString());
    if (lines.isEmpty())
        return g;
    const QString first = lines.front();
    // The importer's own sniffer (core/importers/csv_sniff.h) decides delimiter, header, time and value columns,
    // so the preview shows what the import will do.
    ImportOptions options;
    if (!delimiter.isNull() && delimiter.unicode() < 128)
        options.delimiter = static_cast<char>(delimiter.unicode());
    options.header = header;
    const std::string_view text8(head.constData(), static_cast<std::size_t>(head.size()));
    CsvSniff carbon = sniffCsv(text8, options, carbonValueNames(), false);
    g.delimiter = QLatin1Char(carbon.delimiter);
    g.hasHeader = carbon.hasHeader;
    g.header = splitLine(first, g.delimiter);
    if (!g.hasHeader)
        for (int c = 0; c < g.header.size(); ++c)
            g.header[c] = tr("column %1").arg(c + 1);
    for (int i = g.hasHeader ? 1 : 0; i < lines.size() && g.rows.size() < PreviewRows; ++i)
        g.rows << splitLine(lines[i], g.delimiter);
    g.timeColumn = g.hasHeader ? carbon.timeColumn : -1;
    if (!g.hasHeader && !g.rows.isEmpty()) {
        // No names to go by: the time column is the first whose first value is written like a date or a clock
        // (the dialog then names it to the importer, which would otherwise take the first column).
        for (int c = 0; c < g.rows.front().size() && g.timeColumn < 0; ++c) {
            const QString &v = g.rows.front()[c];
            if (!v.isEmpty() && v.front().isDigit() && (v.contains(QLatin1Char('-')) || v.contains(QLatin1Char(':'))))
                g.timeColumn = c;
        }
        if (g.timeColumn >= 0)
            options.timeColumn = std::to_string(g.timeColumn + 1);
    }
    carbon = sniffCsv(text8, options, carbonValueNames(), false);
    const CsvSniff requests = sniffCsv(text8, options, requestValueNames(), true);
    g.kind = !carbon.valueNamed && requests.valueNamed ? ImportRequest::Kind::Requests : ImportRequest::Kind::Carbon;
    g.valueColumn = g.kind == ImportRequest::Kind::Requests ? requests.valueColumn : carbon.valueColumn;
    return g;
}

} // namespace cs
