#pragma once
// `dojang directory load FILE`: replace the directory of people, roles and deputies.

#include <string>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct DirectoryOptions {
  std::string file;
};

// Registers `directory` and its `load` subcommand; returns `load`.
CLI::App* add_directory_command(CLI::App& app, DirectoryOptions& options);

// "loaded 26 people (31 roles held) and 1 deputy from FILE". The file's problems as
// FILE:LINE: message and exit 1 (nothing loaded); exit 2 when it cannot be read or the database
// cannot be reached.
[[nodiscard]] ExitCode run_directory_load(const DirectoryOptions& options,
                                          const GlobalOptions& global);

}  // namespace dojang::cli
