#include "commands/cmd_review.hpp"

#include <CLI/CLI.hpp>

#include "commands/request_runner.hpp"

namespace dojang::cli {

CLI::App* add_review_command(CLI::App& app, ReviewOptions& options) {
  CLI::App* cmd = app.add_subcommand("review", "Record your review (scores, vote) of an item");
  cmd->add_option("ID", options.instance, "The item")->required();
  cmd->add_option("--as", options.user, "The committee member (a user of the directory)")
      ->required();
  cmd->add_option("--set", options.set,
                  "A score, CRITERION=SCORE, or vote=approve|reject (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--comment", options.comment, "A comment for the history");
  cmd->add_option("--revision", options.revision,
                  "The revision you saw: refused when the item has changed since");
  cmd->add_option("--key", options.key, "An idempotency key: a repeated key changes nothing");
  return cmd;
}

ExitCode run_review(const ReviewOptions& options, const GlobalOptions& global) {
  auto set = parse_assignments(options.set);
  if (!set) return report(set.error(), global);
  app::RequestInput input;
  input.request.kind = engine::Request::Kind::Review;
  input.request.set = std::move(*set);
  input.request.comment = options.comment;
  input.request.expected_revision = options.revision;
  input.instance = options.instance;
  input.user = options.user;
  input.key = options.key;
  return run_request(input, global);
}

}  // namespace dojang::cli
