#include "importdialog.h"

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

int findColumn(const QStringList &header, const QStringList &names)
{
    for (const QString &name : names)
        for (int i = 0; i < header.size(); ++i)
            if (header[i].compare(name, Qt::CaseInsensitive) == 0)
                return i;
    for (const QString &name : names)
        for (int i = 0; i < header.size(); ++i)
            if (header[i].contains(name, Qt::CaseInsensitive))
                return i;
    return -1;
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
    g.delimiter = QLatin1Char(',');
    int best = first.count(QLatin1Char(','));
    for (QChar d : {QLatin1Char(';'), QLatin1Char('\t'), QLatin1Char('|')})
        if (first.count(d) > best) {
            best = first.count(d);
            g.delimiter = d;
        }
    if (!delimiter.isNull())
        g.delimiter = delimiter;
    g.header = splitLine(first, g.delimiter);
    // As the reader decides: a first row whose first field starts like a number or a time is data.
    const QString lead = g.header.isEmpty() ? QString() : g.header.front();
    const bool looksLikeData = !lead.isEmpty() && (lead.front().isDigit() || lead.front() == QLatin1Char('-')
                                                   || lead.front() == QLatin1Char('+'));
    const bool hasHeader = header.value_or(!looksLikeData);
    g.hasHeader = hasHeader;
    if (!hasHeader)
        for (int c = 0; c < g.header.size(); ++c)
            g.header[c] = tr("column %1").arg(c + 1);
    for (int i = hasHeader ? 1 : 0; i < lines.size() && g.rows.size() < PreviewRows; ++i)
        g.rows << splitLine(lines[i], g.delimiter);
    g.timeColumn = findColumn(g.header, {QStringLiteral("from"), QStringLiteral("datetime"), QStringLiteral("timestamp"),
                                         QStringLiteral("ds"), QStringLiteral("period"), QStringLiteral("time"),
                                         QStringLiteral("date")});
    const int requests = findColumn(g.header, {QStringLiteral("y"), QStringLiteral("count"), QStringLiteral("requests")});
    const int carbon = findColumn(g.header, {QStringLiteral("actual"), QStringLiteral("intensity"),
                                             QStringLiteral("gco2"), QStringLiteral("carbon")});
    if (!hasHeader && !g.rows.isEmpty())
        // No names to go by: the time column is the first whose first value is written like a date or a clock.
        for (int c = 0; c < g.rows.front().size() && g.timeColumn < 0; ++c) {
            const QString &v = g.rows.front()[c];
            if (!v.isEmpty() && v.front().isDigit() && (v.contains(QLatin1Char('-')) || v.contains(QLatin1Char(':'))))
                g.timeColumn = c;
        }
    g.kind = carbon < 0 && requests >= 0 ? ImportRequest::Kind::Requests : ImportRequest::Kind::Carbon;
    g.valueColumn = g.kind == ImportRequest::Kind::Requests ? requests : carbon;
    if (g.valueColumn < 0 && g.header.size() == 2)
        g.valueColumn = g.timeColumn == 0 ? 1 : 0; // the one value column
    return g;
}

} // namespace cs
