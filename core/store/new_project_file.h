#pragma once

#include <functional>
#include <string>

namespace cs {

class ProjectStore;

// Makes a new project file so that no one ever sees it half made: the schema (and whatever `fill` writes, such as
// a first import) is built in a temporary file beside `path`, which is linked into place only when complete, and
// only where `path` still does not exist. So a failed first import leaves no file behind, and two processes
// creating the same project at once both end with one sound project (the second finds the first one's file).
class NewProjectFile
{
public:
    using Fill = std::function<void(ProjectStore &)>;

    // True where this call made `path`. False, with nothing left behind, where `path` exists already or appeared
    // meanwhile (the caller then opens that one and does its work there), or is not a file path (":memory:").
    // Throws (removing the temporary file) where `fill` or the creation fails.
    static bool create(const std::string &path, const Fill &fill = {});
};

} // namespace cs
