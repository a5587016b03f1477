#include "policystylestore.h"

#include "database.h"
#include "statement.h"

#include <QColor>
#include <QString>

#include <set>

namespace cs {

namespace {
const char *const StylesTable = "ui_policy_styles";
// Far above any real number of compared policies; a larger slot in a file is not ours and is ignored.
constexpr std::int64_t MaxSlot = 100000;
} // namespace

void writePolicyStyles(Database &db, const PolicySet &set)
{
    db.exec(std::string("CREATE TABLE IF NOT EXISTS ") + StylesTable
            + " (spec TEXT PRIMARY KEY, slot INTEGER NOT NULL, colour TEXT NOT NULL DEFAULT '');"
            + "DELETE FROM " + StylesTable + ";");
    Statement insert = db.prepare(std::string("INSERT OR REPLACE INTO ") + StylesTable
                                  + " (spec, slot, colour) VALUES (?, ?, ?)");
    for (const PolicyEntry &e : set.entries)
        insert.bind(1, e.spec).bind(2, static_cast<std::int64_t>(e.styleSlot)).bind(3, e.colour).run();
}

void readPolicyStyles(Database &db, PolicySet *set)
{
    Statement exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    exists.bind(1, StylesTable);
    if (!exists.step())
        return;
    Statement rows = db.prepare(std::string("SELECT spec, slot, colour FROM ") + StylesTable + " ORDER BY rowid");
    std::set<std::int64_t> used;
    while (rows.step()) {
        const int i = set->indexOf(rows.columnText(0));
        const std::int64_t slot = rows.columnInt64(1);
        // Two policies never share a slot: a repeated one is left to assignStyleSlots.
        if (i < 0 || slot < 0 || slot > MaxSlot || !used.insert(slot).second)
            continue;
        PolicyEntry &e = set->entries[static_cast<std::size_t>(i)];
        e.styleSlot = static_cast<int>(slot);
        // Only a colour Qt reads back the same is kept; anything else falls back to the palette.
        const std::string colour = rows.columnText(2);
        const QColor c(QString::fromStdString(colour));
        e.colour = c.isValid() && c.name().toStdString() == colour ? colour : std::string();
    }
}

} // namespace cs
