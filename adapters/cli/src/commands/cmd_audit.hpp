#pragma once
// `dojang audit verify [ID]`: recompute the history hash chains and report any tampering.

#include <string>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct AuditOptions {
  std::string instance;  // empty: every item
};

// Registers `audit` and its `verify` subcommand; returns `verify`.
CLI::App* add_audit_command(CLI::App& app, AuditOptions& options);

// "checked 3 items, 17 events: every history chain is intact"; when one is broken, one line per
// broken item (ID: event #SEQ: reason) and exit 1.
[[nodiscard]] ExitCode run_audit_verify(const AuditOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
