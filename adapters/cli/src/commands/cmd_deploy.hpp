#pragma once
// `dojang deploy FILE...`: compile each file and store a new version of each procedure whose
// text changed. Running items keep the version they started on.

#include <string>
#include <vector>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct DeployOptions {
  std::vector<std::string> files;
};

// Registers the command on `app`; `options` is filled in when it is parsed.
CLI::App* add_deploy_command(CLI::App& app, DeployOptions& options);

// "innovation_task: version 2 deployed" or "innovation_task: unchanged (version 2)" per file.
// When any file has an error: its diagnostics, nothing stored, exit 1. Exit 2 when a file cannot
// be read or the database cannot be reached.
[[nodiscard]] ExitCode run_deploy(const DeployOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
