#pragma once
// `dojang inbox --as USER`: the items USER (or whom USER acts for) can act on now.

#include <string>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct InboxOptions {
  std::string user;
  int limit = 200;  // items looked at, most recently updated first
};

// Registers the command on `app`; `options` is filled in when it is parsed.
CLI::App* add_inbox_command(CLI::App& app, InboxOptions& options);

// A table ID PROCEDURE STATE ACTIONS ON-BEHALF-OF UPDATED of the items waiting for one of the
// user's roles (or the roles of those they act for) on which they may take an action now.
[[nodiscard]] ExitCode run_inbox(const InboxOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
