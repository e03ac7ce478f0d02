#pragma once
// `dojang tick`: fire the timers that are due (deadlines, `after`), each exactly once even when
// several processes tick on one database.

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct TickOptions {
  int limit = 100;  // timers claimed in one tick
};

// Registers the command on `app`; `options` is filled in when it is parsed.
CLI::App* add_tick_command(CLI::App& app, TickOptions& options);

// One line per fired timer and a count. A timer whose item changed meanwhile is released and
// fires on a later tick; one that is gone is dropped. Exit 1 when a timer could not be fired for
// another reason, 2 when the database cannot be reached.
[[nodiscard]] ExitCode run_tick(const TickOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
