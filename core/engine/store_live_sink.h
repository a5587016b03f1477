#pragma once

#include "live_runner.h"

#include <memory>
#include <string>

namespace cs {

class ProjectStore;

// Writes a live session into a project file as it runs: each interval is committed at once, so the GUI (another
// connection) sees it while the session goes on.
class StoreLiveSink : public LiveSink
{
public:
    explicit StoreLiveSink(const std::string &projectPath);
    ~StoreLiveSink() override;

    void begin(const LiveSessionHeader &header) override;
    void append(const LiveRecord &record) override;
    void end() override;

    long long sessionId() const { return mSession; }

private:
    std::unique_ptr<ProjectStore> mStore;
    long long mSession = 0;
};

} // namespace cs
