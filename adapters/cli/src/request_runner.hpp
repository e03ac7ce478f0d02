#pragma once
// The path every request of a person takes (start, act, review, recall): who they are, the
// instance and its pinned procedure version, engine::apply, one commit, the result printed.
// Idempotency keys: a key seen before prints the first result again and changes nothing.

#include <expected>
#include <string>
#include <vector>

#include "dojang/engine/runtime.hpp"
#include "exit_code.hpp"
#include "failure.hpp"
#include "global_options.hpp"

namespace dojang::cli {

struct RequestInput {
  engine::Request request;  // kind, action, set, comment, expected_revision
  std::string instance;     // the item acted on (not for Start)
  std::string workflow;     // the procedure to start (Start only)
  std::string user;         // --as
  std::string key;          // --key, may be empty
};

// "k=v" strings (--set) as assignments: split at the first '='; a usage failure for "k" alone
// or "=v".
[[nodiscard]] std::expected<std::vector<engine::Assignment>, Failure> parse_assignments(
    const std::vector<std::string>& texts);

// Start prints the new id; the others print `ID: STATE_LABEL (state) — revision N` and the
// notifications. Exit 1 for a refusal (nothing changed) or a conflict; 2 when the database cannot
// be reached.
[[nodiscard]] ExitCode run_request(const RequestInput& input, const GlobalOptions& global);

}  // namespace dojang::cli
