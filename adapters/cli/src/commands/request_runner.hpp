#pragma once
// The path every request of a person takes (start, act, review, recall) on the command line:
// the app does the work (app::App::request); this prints its result.

#include <expected>
#include <string>
#include <vector>

#include "dojang/app/results.hpp"
#include "support/exit_code.hpp"
#include "support/failure.hpp"
#include "support/global_options.hpp"

namespace dojang::cli {

// "k=v" strings (--set) as assignments: split at the first '='; a usage failure for "k" alone
// or "=v".
[[nodiscard]] std::expected<std::vector<engine::Assignment>, Failure> parse_assignments(
    const std::vector<std::string>& texts);

// Start prints the new id; the others print `ID: STATE_LABEL (state) — revision N` and the
// notifications. Exit 1 for a refusal (nothing changed) or a conflict; 2 when the database cannot
// be reached.
[[nodiscard]] ExitCode run_request(const app::RequestInput& input, const GlobalOptions& global);

}  // namespace dojang::cli
