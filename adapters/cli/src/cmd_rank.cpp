#include "cmd_rank.hpp"

#include <CLI/CLI.hpp>

#include "dojang/engine/rank_support.hpp"
#include "io.hpp"
#include "rank_runner.hpp"
#include "report.hpp"

namespace dojang::cli {
namespace {

std::vector<std::string> ranking_names(const engine::Definition& def) {
  std::vector<std::string> out;
  for (const engine::StateDef& s : def.states) {
    if (s.ranking) out.push_back(s.ranking->name);
  }
  return out;
}

Failure unknown_ranking(const engine::Definition& def, const std::string& name) {
  const std::vector<std::string> names = ranking_names(def);
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  return Failure{
      ExitCode::CheckFailed, "unknown_ranking",
      "procedure '" + def.name + "' has no ranking '" + name + "'" +
          (names.empty() ? std::string("; it ranks nothing") : "; its rankings: " + list)};
}

}  // namespace

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
  auto session = Session::open(global);
  if (!session) return report(session.error(), global);
  auto who = session->principal(options.user);
  if (!who) return report(who.error(), global);
  auto latest = session->procedure(options.workflow, std::nullopt);
  if (!latest) return report(latest.error(), global);
  const engine::Definition& def = *latest->definition;
  const engine::Index state = engine::ranking_state(def, options.ranking);
  if (state == engine::kNone) return report(unknown_ranking(def, options.ranking), global);
  const engine::RankingDef& ranking = *def.states[state].ranking;

  if (ranking.group != engine::kNone && !options.group) {
    const std::string field = def.fields[ranking.group].name;
    return report(usage_failure("ranking '" + ranking.name + "' ranks each " + field +
                                " on its own: say which with --group (e.g. --group 2026)"),
                  global);
  }
  if (ranking.group == engine::kNone && options.group) {
    return report(usage_failure("ranking '" + ranking.name +
                                "' has no `per`: it ranks every item at once; drop --group"),
                  global);
  }
  const std::string group_key = options.group.value_or("");
  auto groups = rank_groups(*session, options.workflow, ranking.name, def.states[state].name);
  if (!groups) return report(groups.error(), global);
  static const std::vector<engine::Instance> kNobody;
  auto found = groups->find(group_key);
  const std::vector<engine::Instance>& members = found == groups->end() ? kNobody : found->second;

  auto done = rank_and_commit(*session, *latest, ranking.name, group_key, members, *who, false);
  if (!done) return report(done.error(), global);
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
