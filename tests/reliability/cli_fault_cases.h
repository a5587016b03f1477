#pragma once
// The cases of test_cli_faults: every command that writes a file (the writers failed call by call), and every
// command that prints (run with standard output on /dev/full). @T stands for the target, @C/@R for the default
// scenario's traces, @DB for a copy of the fixture project, @NEW for a project not created yet.
#include <QList>
#include <QString>
#include <QStringList>

#include "cli_fault_run.h"

namespace faults {

// A command that writes one file, @T standing for it (the fixture project: scenario "june", carbon series "sw",
// request series "wiki", run #1).
struct Writer
{
    const char *name;
    QStringList args;
    const char *targetName;
    bool usesProject;
    bool failedUnderFaults; // the runs whose every call is failed in turn
    QString program = {};   // empty: carbonscope-cli
};

inline QList<Writer> writers()
{
    // A scenario read from traces or from a project goes through the same writer; the project's runs are the ones
    // failed call by call, since they also show that no run is saved when the file fails.
    return {
        {"simulate --csv (traces)", {"simulate", "--carbon", "@C", "--requests", "@R", "--pool", "resnets", "--csv", "@T"},
         "intervals.csv", false, false},
        {"simulate --csv (project)", {"simulate", "--db", "@DB", "--scenario", "june", "--csv", "@T"}, "intervals.csv",
         true, true},
        {"compare --csv (traces)", {"compare", "--carbon", "@C", "--requests", "@R", "--pool", "resnets", "--csv", "@T"},
         "comparison.csv", false, false},
        {"compare --csv (project)", {"compare", "--db", "@DB", "--scenario", "june", "--csv", "@T"}, "comparison.csv",
         true, true},
        {"export --series (carbon)", {"export", "--db", "@DB", "--series", "sw", "--csv", "@T"}, "carbon.csv", true, true},
        {"export --series --kind requests", {"export", "--db", "@DB", "--series", "wiki", "--kind", "requests", "--csv", "@T"},
         "requests.csv", true, true},
        {"export --run", {"export", "--db", "@DB", "--run", "1", "--csv", "@T"}, "run.csv", true, true},
        // profile --out writes its pool with writePoolJson, but only from measured energy (NVML or RAPL), which
        // this machine may lack: the writer is run on its own (tests/reliability/pool_json_writer.cpp).
        {"pool JSON (writePoolJson, as profile --out)", {"@T"}, "pool.json", false, true, CARBONSCOPE_POOL_WRITER},
#ifdef CARBONSCOPE_GUI_WRITER
        // The GUI's File ▸ Export, through the same Exporter calls (tests/reliability/gui_writer.cpp).
        {"GUI chart PNG", {"png", "@T"}, "chart.png", false, true, CARBONSCOPE_GUI_WRITER},
        {"GUI chart SVG", {"svg", "@T"}, "chart.svg", false, true, CARBONSCOPE_GUI_WRITER},
        {"GUI chart PDF", {"pdf", "@T"}, "chart.pdf", false, true, CARBONSCOPE_GUI_WRITER},
        {"GUI totals CSV", {"totals", "@T"}, "totals.csv", false, true, CARBONSCOPE_GUI_WRITER},
        {"GUI intervals CSV", {"intervals", "@T"}, "intervals.csv", false, true, CARBONSCOPE_GUI_WRITER},
        {"GUI report PDF", {"report", "@T"}, "report.pdf", false, true, CARBONSCOPE_GUI_WRITER},
#endif
    };
}

// profile as far as its refusal of an output path: it must refuse before it profiles anything.
inline const QStringList profileArgs{"profile", "--device", "cpu", "--models", "ResNet18", "--batch", "1", "--dtype", "fp32",
                              "--seconds", "0.05", "--idle-seconds", "0", "--image-size", "32", "--out"};

// What the target holds before each run: it must hold exactly this after every failed one.
inline QByteArray knownContent(const QString &writer)
{
    return "known content, to be kept whole by a failed " + writer.toUtf8() + "\n";
}

// Every command that prints to standard output.
inline QList<QStringList> printingCommands()
{
    QList<QStringList> commands{
        {"simulate", "--carbon", "@C", "--requests", "@R", "--pool", "resnets"},
        {"simulate", "--carbon", "@C", "--requests", "@R", "--pool", "resnets", "--json"},
        {"compare", "--carbon", "@C", "--requests", "@R", "--pool", "resnets"},
        {"list", "--db", "@DB"},
        {"import", "carbon", "@C", "--db", "@NEW"},
        {"scenario", "add", "--db", "@DB", "--name", "june2", "--carbon", "sw", "--requests", "wiki"},
        {"time-zones"},
        {"--help"},
        {"simulate", "--help"},
        {"frontier", "--carbon", "@C", "--requests", "@R", "--pool", "resnets", "--points", "20", "--json"},
        {"optimize", "--carbon", "@C", "--requests", "@R", "--pool", "resnets", "--policy", "heuristic"},
        {"eco", "--carbon", "@C", "--requests", "@R"},
    };
#ifdef CARBONSCOPE_CLI_HAS_ENGINE
    commands << profileArgs.mid(0, profileArgs.size() - 1); // its table only, no --out
#endif
    return commands;
}

// What a failed check prints: the case, the status and what the command said.
inline QString context(const QString &what, const Run &r)
{
    return what + " -> status " + QString::number(r.status) + ", stderr: " + QString::fromUtf8(r.err).trimmed();
}

// The fixture project's runs as `list` shows them ("  #1 ..." lines).
inline int runsListed(const QByteArray &listing)
{
    const QByteArray runs = listing.mid(listing.indexOf("\nruns:\n"));
    return static_cast<int>(runs.count("\n  #"));
}

} // namespace faults
