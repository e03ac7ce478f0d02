#pragma once
// Why a runtime command did not do what was asked, and how that is shown: one line on stderr
// and, with --json, one document on stdout. The exit code goes with it.

#include <string>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace dojang::cli {

struct Failure {
  ExitCode exit = ExitCode::CheckFailed;
  std::string code;     // a short stable word for machines: "wrong_role", "not_found", ...
  std::string message;  // one line for a person
};

// Usage (exit 2) failures: bad options, an unreadable file.
[[nodiscard]] Failure usage_failure(std::string message);

// "dojang: <message>" on stderr; with --json also {"ok": false, "error": {"code", "message"}}
// on stdout. Returns the failure's exit code.
ExitCode report(const Failure& failure, const GlobalOptions& global);

}  // namespace dojang::cli
