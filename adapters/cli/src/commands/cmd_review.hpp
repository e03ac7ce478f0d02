#pragma once
// `dojang review ID --as USER --set criterion=score... [--set vote=approve] [--comment TEXT]`:
// one committee member's review.

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

struct ReviewOptions {
  std::string instance;
  std::string user;
  std::vector<std::string> set;  // criterion=score, vote=approve|reject
  std::string comment;
  std::optional<std::int64_t> revision;
  std::string key;
};

// Registers the command on `app`; `options` is filled in when it is parsed.
CLI::App* add_review_command(CLI::App& app, ReviewOptions& options);

// Like `act`: the item's state and revision afterwards; exit 1 when refused.
[[nodiscard]] ExitCode run_review(const ReviewOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
