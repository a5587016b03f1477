#pragma once

#include "store_types.h"

#include <string>
#include <string_view>

namespace cs {

class ImportContext;

// One file format. Importers are stateless: run() reads the context's source and writes series through it,
// throwing ParseError (file:line:column) for input it cannot take; the runner rolls the transaction back.
class Importer
{
public:
    virtual ~Importer() = default;

    // The --format name ("ukci"); some formats have more than one importer (Electricity Maps CSV and JSON).
    virtual std::string format() const = 0;
    virtual SeriesKind kind() const = 0;
    // How sure the importer is that `head` (the first decompressed bytes) is its format: 0 not at all;
    // 100 certain. `fileName` helps only where the content cannot tell.
    virtual int detect(std::string_view head, const std::string &fileName) const = 0;
    virtual void run(ImportContext &context) const = 0;
};

} // namespace cs
