#pragma once
// `dojang rank WORKFLOW RANKING --as USER [--group VALUE]`: one decision across the items waiting
// in the state of a `rank` block (engine::rank): ordered, placed and moved by place, all at once.

#include <optional>
#include <string>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct RankOptions {
  std::string workflow;
  std::string ranking;
  std::string user;
  std::optional<std::string> group;  // the value of the ranking's `per` field, e.g. 2026
};

// Registers the command on `app`; `options` is filled in when it is parsed.
CLI::App* add_rank_command(CLI::App& app, RankOptions& options);

// Prints the ranking table (with --json, the items). Exit 1 when refused (wrong role, no item,
// a tie under `ties refuse`, the group ranked already, a member changed meanwhile), 2 on bad
// usage (--group missing for a ranking with `per`, or given for one without) or when the
// database cannot be reached.
[[nodiscard]] ExitCode run_rank(const RankOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
