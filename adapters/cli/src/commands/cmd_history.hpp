#pragma once
// `dojang history ID`: every event of an item, who acted (and for whom), from where to where.

#include <string>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct HistoryOptions {
  std::string instance;
};

// Registers the command on `app`; `options` is filled in when it is parsed.
CLI::App* add_history_command(CLI::App& app, HistoryOptions& options);

// One block per event (seq, time, kind, action, actor, on whose behalf, from → to, comment,
// changes, notes). Exit 1 for an unknown item, 2 when the database cannot be reached.
[[nodiscard]] ExitCode run_history(const HistoryOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
