#pragma once
// `dojang definitions`: the deployed procedures and their versions.

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct DefinitionsOptions {};

// Registers the command on `app`.
CLI::App* add_definitions_command(CLI::App& app, DefinitionsOptions& options);

// A table NAME VERSION DEPLOYED HASH LABEL, one row per version, by name then version.
[[nodiscard]] ExitCode run_definitions(const DefinitionsOptions& options,
                                       const GlobalOptions& global);

}  // namespace dojang::cli
