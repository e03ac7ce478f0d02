#pragma once
// `dojang act ID ACTION --as USER [--set k=v]... [--comment TEXT] [--revision N] [--key K]` and
// `dojang recall ID --as USER [--comment TEXT] [--revision N] [--key K]`.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct ActOptions {
  std::string instance;
  std::string action;  // empty for recall
  std::string user;
  std::vector<std::string> set;  // NAME=VALUE
  std::string comment;
  std::optional<std::int64_t> revision;  // the revision the user saw: stale is refused
  std::string key;
};

// Register the commands on `app`; `options` is filled in when one is parsed.
CLI::App* add_act_command(CLI::App& app, ActOptions& options);
CLI::App* add_recall_command(CLI::App& app, ActOptions& options);

// Prints `ID: STATE_LABEL (state) — revision N` and the notifications sent. Exit 1 when refused
// (the reason on stderr; nothing changed) or when someone else changed the item first.
[[nodiscard]] ExitCode run_act(const ActOptions& options, const GlobalOptions& global);
[[nodiscard]] ExitCode run_recall(const ActOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
