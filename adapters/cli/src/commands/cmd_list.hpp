#pragma once
// `dojang list [--mine --as USER] [--procedure NAME] [--state NAME] [--finished | --open]
//   [--from DAY] [--to DAY] [--words TEXT] [--limit N] [--offset N]`: items, newest first.

#include <optional>
#include <string>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct ListOptions {
  std::string user;  // --as, with --mine
  bool mine = false;
  std::optional<std::string> procedure, state, unit, from, to;
  bool finished = false, open = false;
  std::string words;
  int limit = 50;
  int offset = 0;
};

CLI::App* add_list_command(CLI::App& app, ListOptions& options);

// A table ID PROCEDURE TITLE STATE SUBMITTER UPDATED, and how to see the next page.
[[nodiscard]] ExitCode run_list(const ListOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
