#include "cli.hpp"

#include <cctype>
#include <cstdlib>
#include <exception>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands/cmd_act.hpp"
#include "commands/cmd_audit.hpp"
#include "commands/cmd_definitions.hpp"
#include "commands/cmd_deploy.hpp"
#include "commands/cmd_directory.hpp"
#include "commands/cmd_fmt.hpp"
#include "commands/cmd_graph.hpp"
#include "commands/cmd_history.hpp"
#include "commands/cmd_inbox.hpp"
#include "commands/cmd_list.hpp"
#include "commands/cmd_rank.hpp"
#include "commands/cmd_review.hpp"
#include "commands/cmd_show.hpp"
#include "commands/cmd_start.hpp"
#include "commands/cmd_tick.hpp"
#include "commands/cmd_validate.hpp"
#include "dojang/base/time_zone.hpp"
#include "dojang/dsl/suggest.hpp"
#include "support/failure.hpp"
#include "support/global_options.hpp"
#include "support/io.hpp"

#ifndef DOJANG_VERSION
#define DOJANG_VERSION "unknown"
#endif

namespace dojang::cli {
namespace {

std::vector<std::string> command_names(CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands(std::function<bool(CLI::App*)>{})) {
    names.push_back(sub->get_name());
  }
  return names;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// CLI11 would call an unknown command an unexpected argument; say what it is instead. The
// command is the first argument that is neither an option nor the value of --db, --now or --zone.
std::optional<std::string> unknown_command(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view const arg = argv[i];
    if (arg == "--") return std::nullopt;
    if (arg == "--db" || arg == "--now" || arg == "--zone") {
      ++i;
      continue;
    }
    if (arg.starts_with("-")) continue;
    std::vector<std::string> const names = command_names(app);
    if (std::ranges::find(names, arg) != names.end()) return std::nullopt;
    std::string message = "unknown command '" + std::string(arg) + "'";
    if (auto guess = dsl::did_you_mean(arg, names)) message += " (did you mean '" + *guess + "'?)";
    return message + "; the commands are " + joined(names);
  }
  return std::nullopt;
}

// One line for a CLI11 parse error, naming the command it is about:
//   dojang graph: FILE is required (see 'dojang graph --help')
std::string describe(CLI::App& app, const CLI::ParseError& e) {
  std::vector<CLI::App*> const parsed = app.get_subcommands();
  if (parsed.empty() && e.get_name() == "RequiredError") {
    return "dojang: a command is required: " + joined(command_names(app)) +
           " (see 'dojang --help')";
  }
  std::string what = e.what();
  std::smatch m;
  static std::regex const missing_value(R"(^(\S+): \d+ required \S+ missing$)");
  if (std::regex_match(what, m, missing_value)) {
    what = "option " + m[1].str() + " needs a value";
  } else if (what.size() > 1 && std::isupper(static_cast<unsigned char>(what[0])) &&
             std::islower(static_cast<unsigned char>(what[1]))) {
    what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
  }
  std::string const who = parsed.empty() ? "dojang" : "dojang " + parsed.front()->get_name();
  return who + ": " + what + " (see '" + who + " --help')";
}

// The office time zone, set once for the whole process: --zone, else DOJANG_ZONE, else
// Asia/Seoul. Every time the commands read (--now) or print is in it. A name that is not a
// known zone is bad usage, whatever the command.
std::optional<Failure> set_office_zone(GlobalOptions& global, bool given) {
  std::string setting = "--zone '" + global.zone + "'";
  if (!given) {
    const char* env = std::getenv("DOJANG_ZONE");
    if (env == nullptr || *env == '\0') return std::nullopt;
    global.zone = env;
    setting = "DOJANG_ZONE='" + global.zone + "'";
  }
  if (base::set_office_zone(global.zone)) return std::nullopt;
  return usage_failure(setting +
                       " is not a time zone Dojang knows; the office time zone is one of " +
                       base::TimeZone::known_names());
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"Dojang (도장): workflows and approvals written as text files", "dojang"};
  app.fallthrough();  // global options may follow the command name (inherited by the commands)
  app.require_subcommand(1);
  app.set_version_flag("--version", "dojang " DOJANG_VERSION);
  // Set before adding the commands, which inherit it.
  app.footer(
      "Every command also takes --json, --db URL, --now ISO8601 and --zone NAME, before or after\n"
      "its name. Times are read and printed in the office time zone: --zone, else the\n"
      "environment variable DOJANG_ZONE, else Asia/Seoul.\n"
      "Exit status: 0 success, 1 a check failed or an action was refused, 2 bad usage, an\n"
      "unreadable file or an unreachable database.\n");

  GlobalOptions global;
  app.add_flag("--json", global.json, "Print one JSON document on stdout");
  app.add_option("--db", global.db, "The store, sqlite:FILE or a postgresql:// URL")
      ->capture_default_str();
  app.add_option("--now", global.now,
                 "Override the clock (ISO 8601; office time unless it has an offset or Z)");
  CLI::Option* zone = app.add_option("--zone", global.zone,
                                     "The office time zone (default DOJANG_ZONE, else Asia/Seoul)");

  ValidateOptions validate;
  GraphOptions graph;
  FmtOptions fmt;
  CLI::App* validate_cmd = add_validate_command(app, validate);
  CLI::App* graph_cmd = add_graph_command(app, graph);
  CLI::App* fmt_cmd = add_fmt_command(app, fmt);

  // The runtime commands: they open the store named by --db.
  DeployOptions deploy;
  DefinitionsOptions definitions;
  DirectoryOptions directory;
  StartOptions start;
  ActOptions act, recall;
  ReviewOptions review;
  InboxOptions inbox;
  ListOptions list;
  ShowOptions show;
  HistoryOptions history;
  RankOptions rank;
  TickOptions tick;
  AuditOptions audit;
  CLI::App* deploy_cmd = add_deploy_command(app, deploy);
  CLI::App* definitions_cmd = add_definitions_command(app, definitions);
  CLI::App* directory_load_cmd = add_directory_command(app, directory);
  CLI::App* start_cmd = add_start_command(app, start);
  CLI::App* act_cmd = add_act_command(app, act);
  CLI::App* review_cmd = add_review_command(app, review);
  CLI::App* recall_cmd = add_recall_command(app, recall);
  CLI::App* inbox_cmd = add_inbox_command(app, inbox);
  CLI::App* list_cmd = add_list_command(app, list);
  CLI::App* show_cmd = add_show_command(app, show);
  CLI::App* history_cmd = add_history_command(app, history);
  CLI::App* rank_cmd = add_rank_command(app, rank);
  CLI::App* tick_cmd = add_tick_command(app, tick);
  CLI::App* audit_verify_cmd = add_audit_command(app, audit);

  if (auto unknown = unknown_command(app, argc, argv)) {
    print_error(*unknown);
    return static_cast<int>(ExitCode::Usage);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version: printed on stdout, exit 0
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    print_err(describe(app, e) + "\n");
    return static_cast<int>(ExitCode::Usage);
  }

  if (auto bad = set_office_zone(global, zone->count() > 0))
    return static_cast<int>(report(*bad, global));

  ExitCode code = ExitCode::Usage;
  try {
    if (validate_cmd->parsed()) code = run_validate(validate, global);
    if (graph_cmd->parsed()) code = run_graph(graph, global);
    if (fmt_cmd->parsed()) code = run_fmt(fmt, global);
    if (deploy_cmd->parsed()) code = run_deploy(deploy, global);
    if (definitions_cmd->parsed()) code = run_definitions(definitions, global);
    if (directory_load_cmd->parsed()) code = run_directory_load(directory, global);
    if (start_cmd->parsed()) code = run_start(start, global);
    if (act_cmd->parsed()) code = run_act(act, global);
    if (review_cmd->parsed()) code = run_review(review, global);
    if (recall_cmd->parsed()) code = run_recall(recall, global);
    if (inbox_cmd->parsed()) code = run_inbox(inbox, global);
    if (list_cmd->parsed()) code = run_list(list, global);
    if (show_cmd->parsed()) code = run_show(show, global);
    if (history_cmd->parsed()) code = run_history(history, global);
    if (rank_cmd->parsed()) code = run_rank(rank, global);
    if (tick_cmd->parsed()) code = run_tick(tick, global);
    if (audit_verify_cmd->parsed()) code = run_audit_verify(audit, global);
  } catch (const std::exception& e) {  // a bug or broken infrastructure, never an expected case
    print_error(std::string("internal error: ") + e.what());
    return static_cast<int>(ExitCode::Usage);
  }
  return static_cast<int>(code);
}

}  // namespace dojang::cli
