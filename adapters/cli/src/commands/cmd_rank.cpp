#include "commands/cmd_rank.hpp"

#include <CLI/CLI.hpp>

#include "render/rank_view.hpp"
#include "render/report.hpp"
#include "support/io.hpp"
#include "support/open_app.hpp"

namespace dojang::cli {
CLI::App* add_rank_command(CLI::App& app, RankOptions& options) {
  CLI::App* cmd = app.add_subcommand(
      "rank", "Rank the items waiting in a state and move each by its place (a `rank` block)");
  cmd->add_option("WORKFLOW", options.workflow, "The procedure")->required();
  cmd->add_option("RANKING", options.ranking, "The ranking's name, e.g. awards")->required();
  cmd->add_option("--as", options.user, "Who ranks (a user of the directory)")->required();
  cmd->add_option("--group", options.group,
                  "Which group, for a ranking with `per FIELD` (the field's value, e.g. 2026)");
  return cmd;
}

ExitCode run_rank(const RankOptions& options, const GlobalOptions& global) {
  auto app = open_app(global);
  if (!app) return report(app.error(), global);
  auto done = app->rank(options.workflow, options.ranking, options.user, options.group);
  if (!done) {
    Failure failure = app_failure(done.error());
    if (done.error().code == "group_required") failure.message += " with --group";
    if (done.error().code == "group_not_taken") failure.message += ": drop --group";
    return report(failure, global);
  }
  if (global.json) {
    boost::json::object doc = rank_json(*done);
    doc["ok"] = true;
    print_json(doc);
  } else {
    print_out(rank_summary(*done) + "\n" + rank_table(*done));
  }
  return ExitCode::Ok;
}

}  // namespace dojang::cli
