#pragma once

#include "projectcontent.h"

#include <QString>

namespace cs {

class ScenarioDocument;

// The project file on disk, for ProjectSession and the autosave. Every function throws (StoreError,
// InputError, OutputError) with a message naming the file and, for a failed write, the OS error.

// True when the file or its folder cannot be written, or carries no write permission at all (chmod a-w: the
// user's wish, kept even when running as root). SQLite in WAL mode writes beside the file, so the folder counts.
bool isReadOnlyProject(const QString &path);

// Reads a project. A read-only one is read from a private copy, so not a byte is written to it or beside it.
ProjectContent readProjectFile(const QString &path, bool readOnly);

// Writes the document into an existing project in place (Save): the store's transactions keep it whole, and
// what else the project holds (other series, runs, live sessions) stays.
void writeProjectFileInPlace(const ScenarioDocument &document, const QString &path);

// Writes the document as the project `target` (Save As, the autosave): a temporary file in the target's folder
// (a copy of `copyFrom`'s project when given, so its other series and runs come along), synced, then renamed
// over the target. On any failure the target is as it was and the temporary is gone. Refused: a folder and an
// SQLite database that is not a CarbonScope project.
void writeProjectFileAtomically(const ScenarioDocument &document, const QString &target,
                                const QString &copyFrom = {});

// True when the file is an SQLite database carrying CarbonScope's application id.
bool isCarbonScopeProject(const QString &path);

} // namespace cs
