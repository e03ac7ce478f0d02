#include "commands/cmd_start.hpp"

#include <CLI/CLI.hpp>

#include "commands/request_runner.hpp"

namespace dojang::cli {

CLI::App* add_start_command(CLI::App& app, StartOptions& options) {
  CLI::App* cmd = app.add_subcommand("start", "Start a new item of a deployed procedure");
  cmd->add_option("WORKFLOW", options.workflow, "The procedure's name")->required();
  cmd->add_option("--as", options.user, "Who starts it (a user of the directory)")->required();
  cmd->add_option("--set", options.set, "A field's value, NAME=VALUE (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--comment", options.comment, "A comment for the history");
  cmd->add_option("--key", options.key, "An idempotency key: the same key starts one item only");
  return cmd;
}

ExitCode run_start(const StartOptions& options, const GlobalOptions& global) {
  auto set = parse_assignments(options.set);
  if (!set) return report(set.error(), global);
  app::RequestInput input;
  input.request.kind = engine::Request::Kind::Start;
  input.request.set = std::move(*set);
  input.request.comment = options.comment;
  input.workflow = options.workflow;
  input.user = options.user;
  input.key = options.key;
  return run_request(input, global);
}

}  // namespace dojang::cli
