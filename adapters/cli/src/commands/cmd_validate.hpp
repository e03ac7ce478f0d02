#pragma once
// `dojang validate FILE... [--strict]`: compile each file, print its diagnostics and a summary.

#include <string>
#include <vector>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct ValidateOptions {
  std::vector<std::string> files;
  bool strict = false;  // warnings fail the check too
};

// Registers the command on `app`; `options` is filled in when it is parsed.
CLI::App* add_validate_command(CLI::App& app, ValidateOptions& options);

// Diagnostics on stderr, one summary line per file on stdout (or one JSON document).
// Exit 1 when a file has an error (or a warning, with --strict); 2 when a file cannot be read.
[[nodiscard]] ExitCode run_validate(const ValidateOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
