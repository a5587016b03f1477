#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace cs {

class ScenarioDocument;

// The carbonscope-cli line that reproduces the view's totals: `compare` with the scenario's trace files, the pool,
// every policy, the baseline and the selected period. A trace that is not a plain file on disk with exactly the
// data in use (the embedded default, an import that was converted, a project's) and an edited pool are written to
// `folder` (named by their content, so the same data gives the same file) and the line names those files.
struct ReproduceCommand
{
    QString line;        // the command, shell-quoted
    QStringList notes;   // what the line cannot reproduce exactly, one sentence each
    QStringList written; // files written to `folder`
    QString error;       // why no line could be made; empty on success

    // The notes as '# ' lines, then the line: what the clipboard gets.
    QString clipboardText() const;
};

ReproduceCommand reproduceCommand(const ScenarioDocument &document, const QString &folder);

// Quotes `word` for a POSIX shell where it needs it ('it'\''s').
QString shellQuoted(const QString &word);

// Where the command's files go: the app's data folder, "commands".
QString commandFolder();

// Puts reproduceCommand() on the clipboard and returns a message for the status bar (or the error).
QString copyReproduceCommand(const ScenarioDocument &document);

} // namespace cs
