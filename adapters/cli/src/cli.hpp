#pragma once
// The `dojang` command line: parses the arguments with CLI11 and runs one command.

namespace dojang::cli {

// Returns the process exit code: 0 success, 1 a check failed, 2 bad usage (with one line on
// stderr saying what was wrong).
[[nodiscard]] int run(int argc, char** argv);

}  // namespace dojang::cli
