#pragma once
// Man pages and shell completion generated from the CLI11 app itself, so that they say what --help says and a new
// subcommand appears in them without anyone writing a line. The build runs the hidden options (see
// cmake/packaging.cmake); they are not listed in --help.
//   carbonscope-cli --generate-man DIR            carbonscope-cli.1 and carbonscope-cli-SUB[-SUB].1 for each subcommand
//   carbonscope-cli --generate-completion bash    the bash completion script, on standard output
//   carbonscope-cli --generate-completion zsh     the zsh completion function (#compdef), on standard output

#include <optional>
#include <string>
#include <vector>

namespace CLI { class App; class Option; }

namespace cs::cli {

// The status to exit with when argv asks for a hidden export (it is then done), nothing otherwise. A file that
// cannot be written throws cs::OutputError; an unknown shell throws cs::InputError.
std::optional<int> runHelpExport(const CLI::App &app, int argc, char **argv, const std::string &version);

// The roff page of `command` (the top app or one of its subcommands, at any depth).
std::string manPage(const CLI::App &command, const std::string &version);
// "carbonscope-cli-import-carbon" for the app `carbonscope-cli import carbon`.
std::string manPageName(const CLI::App &command);

std::string bashCompletion(const CLI::App &app);
std::string zshCompletion(const CLI::App &app);

// What both generators walk: the visible options and subcommands (help's own), as --help lists them.
std::vector<const CLI::Option *> visibleOptions(const CLI::App &command);
std::vector<const CLI::App *> visibleSubcommands(const CLI::App &command);
// The values an option or positional accepts when its type name lists them ("TEXT:{carbon,requests}").
std::vector<std::string> listedValues(const CLI::Option &option);

} // namespace cs::cli
