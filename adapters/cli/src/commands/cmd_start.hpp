#pragma once
// `dojang start WORKFLOW --as USER [--set k=v]... [--comment TEXT] [--key K]`: a new item of the
// latest deployed version of a procedure; prints its id.

#include <string>
#include <vector>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct StartOptions {
  std::string workflow;
  std::string user;
  std::vector<std::string> set;  // NAME=VALUE
  std::string comment;
  std::string key;
};

// Registers the command on `app`; `options` is filled in when it is parsed.
CLI::App* add_start_command(CLI::App& app, StartOptions& options);

// Prints the new item's id (with --json, the item). Exit 1 when refused (a bad value, an unknown
// user or procedure), 2 when the database cannot be reached.
[[nodiscard]] ExitCode run_start(const StartOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
