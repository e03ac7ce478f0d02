#include "commands/cmd_list.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "render/instance_view.hpp"
#include "render/report.hpp"
#include "render/table.hpp"
#include "support/instant.hpp"
#include "support/io.hpp"
#include "support/open_app.hpp"

namespace dojang::cli {

CLI::App* add_list_command(CLI::App& app, ListOptions& options) {
  CLI::App* cmd =
      app.add_subcommand("list", "List items: yours, by procedure, state, unit, day and words");
  cmd->add_flag("--mine", options.mine, "Only the items you drafted (with --as)");
  cmd->add_option("--as", options.user, "Who you are (a user of the directory), for --mine");
  cmd->add_option("--procedure", options.procedure, "Only this procedure (its name)");
  cmd->add_option("--state", options.state, "Only the items in this state (its name)");
  cmd->add_option("--unit", options.unit,
                  "Only the items of this unit and the units below it (its id or name)");
  CLI::Option* finished = cmd->add_flag("--finished", options.finished, "Only finished items");
  CLI::Option* open = cmd->add_flag("--open", options.open, "Only items still open");
  finished->excludes(open);
  cmd->add_option("--from", options.from, "Started on or after this day (YYYY-MM-DD)");
  cmd->add_option("--to", options.to, "Started on or before this day (YYYY-MM-DD)");
  cmd->add_option("--words", options.words, "Words that the item's title or text holds");
  cmd->add_option("--limit", options.limit, "At most this many items (1 to 1000)")
      ->capture_default_str();
  cmd->add_option("--offset", options.offset, "Skip this many (the next page)")
      ->capture_default_str();
  return cmd;
}

ExitCode run_list(const ListOptions& options, const GlobalOptions& global) {
  if (options.mine && options.user.empty())
    return report(usage_failure("--mine lists the items you drafted: say who you are with --as"),
                  global);
  auto app = open_app(global);
  if (!app) return report(app.error(), global);
  app::ListQuery query;
  query.workflow = options.procedure;
  query.state = options.state;
  query.unit = options.unit;
  if (options.mine) query.submitter = options.user;
  if (options.finished) query.finished = true;
  if (options.open) query.finished = false;
  query.from_day = options.from;
  query.to_day = options.to;
  query.words = options.words;
  query.limit = options.limit;
  query.offset = options.offset;
  auto page = app->list(query);
  if (!page) return report(page.error(), global);

  const int next = options.offset + static_cast<int>(page->items.size());
  if (global.json) {
    boost::json::array items;
    for (const app::ListEntry& e : page->items) {
      boost::json::object o;
      o["id"] = e.summary.id;
      o["workflow"] = e.summary.workflow;
      o["version"] = e.summary.version;
      o["title"] = e.title;
      o["state"] = e.summary.state_name;
      o["state_label"] =
          e.definition ? state_label(*e.definition, e.summary.state_name) : e.summary.state_name;
      o["submitter"] = e.summary.submitter;
      o["unit"] = e.summary.unit;
      o["final"] = e.summary.final;
      o["revision"] = e.summary.revision;
      o["updated_at"] = time_json(e.summary.updated_at);
      items.push_back(std::move(o));
    }
    boost::json::object doc;
    doc["ok"] = true;
    doc["items"] = std::move(items);
    doc["offset"] = options.offset;
    doc["more"] = page->more;
    if (page->more) doc["next_offset"] = next;
    print_json(doc);
    return ExitCode::Ok;
  }
  if (page->items.empty()) {
    print_out(options.offset == 0 ? "no item matches\n" : "no more items\n");
    return ExitCode::Ok;
  }
  Table table({"ID", "PROCEDURE", "TITLE", "STATE", "SUBMITTER", "UPDATED"});
  for (const app::ListEntry& e : page->items) {
    const engine::Definition* def = e.definition.get();
    table.add_row({e.summary.id,
                   def != nullptr && !def->label.empty() ? def->label : e.summary.workflow, e.title,
                   def != nullptr ? state_label(*def, e.summary.state_name) : e.summary.state_name,
                   e.summary.submitter, time_text(e.summary.updated_at)});
  }
  print_out(table.render());
  const std::string shown =
      "items " + std::to_string(options.offset + 1) + "–" + std::to_string(next);
  print_out(page->more ? shown + "; the next page: --offset " + std::to_string(next) + "\n"
                       : shown + "\n");
  return ExitCode::Ok;
}

}  // namespace dojang::cli
