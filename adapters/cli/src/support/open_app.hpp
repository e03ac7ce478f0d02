#pragma once
// What every runtime command starts with: the clock (--now or the real one) and the app on the
// store named by --db. And how the app's errors read on the command line.

#include <expected>

#include "dojang/app/app.hpp"
#include "support/failure.hpp"
#include "support/global_options.hpp"

namespace dojang::cli {

// Reads --now (a usage failure when it is not ISO 8601), then opens the store. Only the commands
// that fill a store (deploy, directory load) make one where there is none; the others say so.
[[nodiscard]] std::expected<app::App, Failure> open_app(const GlobalOptions& global,
                                                        bool create = false);

// Exit 2 when the database cannot be reached or understood, or the input cannot be taken;
// exit 1 for everything else (refused, conflict, not found, forbidden).
[[nodiscard]] Failure app_failure(const app::Error& error);

// report(app_failure(error), global).
ExitCode report(const app::Error& error, const GlobalOptions& global);

}  // namespace dojang::cli
