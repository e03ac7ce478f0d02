#pragma once
// `dojang fmt FILE... [--check]`: rewrite files in their canonical layout.

#include <string>
#include <vector>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct FmtOptions {
  std::vector<std::string> files;
  bool check = false;  // change nothing; fail when a file is not in canonical form
};

// Registers the command on `app`; `options` is filled in when it is parsed.
CLI::App* add_fmt_command(CLI::App& app, FmtOptions& options);

// Rewrites (atomically) each file whose text is not canonical and says "formatted FILE"; with
// --check says "FILE: not formatted" and exits 1 instead. A file that does not parse is left as
// it is, with its diagnostics, and exit 1. Exit 2 when a file cannot be read or written.
[[nodiscard]] ExitCode run_fmt(const FmtOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
