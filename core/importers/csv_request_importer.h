#pragma once

#include "importer.h"

namespace cs {

// A request trace as CSV: per-interval counts (Wikipedia's hourly "ds,y", WorldCup98's per-minute
// "period,count") or one row per request with its time (a time column and no count column; Azure LLM traces
// with their token columns), counted per --interval while streaming.
class CsvRequestImporter : public Importer
{
public:
    std::string format() const override { return "csv"; }
    SeriesKind kind() const override { return SeriesKind::Requests; }
    int detect(std::string_view head, const std::string &fileName) const override;
    void run(ImportContext &context) const override;

protected:
    // Azure's traces name their time column and hold no count.
    virtual bool perRequest(const std::vector<std::string> &header) const;
    void runWith(ImportContext &context, const std::string &timeColumn, bool forcePerRequest) const;
};

// The Azure LLM inference traces: "TIMESTAMP,ContextTokens,GeneratedTokens", one request per row.
class AzureLlmImporter : public CsvRequestImporter
{
public:
    std::string format() const override { return "azure-llm"; }
    int detect(std::string_view head, const std::string &fileName) const override;
    void run(ImportContext &context) const override;
};

} // namespace cs
