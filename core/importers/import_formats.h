#pragma once

#include "store_types.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cs {

class Importer;

// One format `import` reads, as the user sees it: its --format name, kind, what it reads, a line of help and a
// sample file (in ../shared/data or tests/data/importers). `import --help`, the import dialog's format box and the
// importers' detection all read this one list (import_formats.cpp). Adding a format: its importer, one line
// there, and its fuzz seed (fuzz/corpus/<name>/).
struct ImportFormat
{
    std::string name;
    SeriesKind kind;
    std::string reads;
    std::string help;
    std::string example;
    std::shared_ptr<const Importer> importer;
};

// In the order detection prefers them where two score the same.
const std::vector<ImportFormat> &importFormats();

// "  ukci (carbon): UK Carbon Intensity API JSON ... e.g. uk_ci_....json", one line per format of `kind` (all
// kinds where empty), for --help.
std::string importFormatHelp(const std::optional<SeriesKind> &kind = std::nullopt);

} // namespace cs
