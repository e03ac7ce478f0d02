#pragma once
// The exit codes of every command (DESIGN.md, "The command line").

namespace dojang::cli {

enum class ExitCode : int {
  Ok = 0,           // success
  CheckFailed = 1,  // a check failed or an action was refused
  Usage = 2,        // bad usage: unknown command or option, unreadable file
};

// The more serious of two outcomes (usage errors win over failed checks).
[[nodiscard]] inline ExitCode worst(ExitCode a, ExitCode b) {
  return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

}  // namespace dojang::cli
