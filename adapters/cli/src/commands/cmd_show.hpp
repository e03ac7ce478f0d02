#pragma once
// `dojang show ID [--as USER]`: one item: state, fields, derived values, reviews, timers, and the
// actions USER may take.

#include <string>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct ShowOptions {
  std::string instance;
  std::string user;  // optional: list the actions this user may take now
};

// Registers the command on `app`; `options` is filled in when it is parsed.
CLI::App* add_show_command(CLI::App& app, ShowOptions& options);

// Exit 1 for an unknown item or user, 2 when the database cannot be reached.
[[nodiscard]] ExitCode run_show(const ShowOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
