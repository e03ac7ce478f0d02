#pragma once
// Why a runtime command did not do what was asked, and how that is shown: one line on stderr
// and, with --json, one document on stdout. The exit code goes with it.

#include <string>

#include "dojang/engine/runtime.hpp"
#include "dojang/store/error.hpp"
#include "exit_code.hpp"
#include "global_options.hpp"

namespace dojang::cli {

struct Failure {
  ExitCode exit = ExitCode::CheckFailed;
  std::string code;     // a short stable word for machines: "wrong_role", "not_found", ...
  std::string message;  // one line for a person
};

// Usage (exit 2) failures: bad options, an unreadable file.
[[nodiscard]] Failure usage_failure(std::string message);

// A store error: exit 2 when the database cannot be reached or understood (unavailable, bad
// URL, newer schema), else exit 1. The message is made one line.
[[nodiscard]] Failure store_failure(const store::Error& error);

// A refused request (exit 1), with the engine's code and words.
[[nodiscard]] Failure refusal_failure(const engine::Refusal& refusal);

// "dojang: <message>" on stderr; with --json also {"ok": false, "error": {"code", "message"}}
// on stdout. Returns the failure's exit code.
ExitCode report(const Failure& failure, const GlobalOptions& global);

}  // namespace dojang::cli
