#include "commands/cmd_act.hpp"

#include <CLI/CLI.hpp>

#include "commands/request_runner.hpp"

namespace dojang::cli {
namespace {

void add_common(CLI::App* cmd, ActOptions& options) {
  cmd->add_option("--as", options.user, "Who acts (a user of the directory)")->required();
  cmd->add_option("--comment", options.comment,
                  "A comment for the history (some actions need one)");
  cmd->add_option("--revision", options.revision,
                  "The revision you saw: refused when the item has changed since");
  cmd->add_option("--key", options.key, "An idempotency key: a repeated key changes nothing");
}

ExitCode run(const ActOptions& options, engine::Request::Kind kind, const GlobalOptions& global) {
  auto set = parse_assignments(options.set);
  if (!set) return report(set.error(), global);
  app::RequestInput input;
  input.request.kind = kind;
  input.request.action = options.action;
  input.request.set = std::move(*set);
  input.request.comment = options.comment;
  input.request.expected_revision = options.revision;
  input.instance = options.instance;
  input.user = options.user;
  input.key = options.key;
  return run_request(input, global);
}

}  // namespace

CLI::App* add_act_command(CLI::App& app, ActOptions& options) {
  CLI::App* cmd = app.add_subcommand("act", "Take an action on an item");
  cmd->add_option("ID", options.instance, "The item")->required();
  cmd->add_option("ACTION", options.action, "The action, e.g. submit")->required();
  cmd->add_option("--set", options.set, "A field's value, NAME=VALUE (repeatable)")
      ->allow_extra_args(false);
  add_common(cmd, options);
  return cmd;
}

CLI::App* add_recall_command(CLI::App& app, ActOptions& options) {
  CLI::App* cmd =
      app.add_subcommand("recall", "Take back an item you sent on, before the next step acts");
  cmd->add_option("ID", options.instance, "The item")->required();
  add_common(cmd, options);
  return cmd;
}

ExitCode run_act(const ActOptions& options, const GlobalOptions& global) {
  return run(options, engine::Request::Kind::Act, global);
}

ExitCode run_recall(const ActOptions& options, const GlobalOptions& global) {
  return run(options, engine::Request::Kind::Recall, global);
}

}  // namespace dojang::cli
