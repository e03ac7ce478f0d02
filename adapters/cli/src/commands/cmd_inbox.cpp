#include "commands/cmd_inbox.hpp"

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
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

CLI::App* add_inbox_command(CLI::App& app, InboxOptions& options) {
  CLI::App* cmd = app.add_subcommand("inbox", "The items you (or whom you act for) can act on");
  cmd->add_option("--as", options.user, "Whose inbox (a user of the directory)")->required();
  cmd->add_option("--limit", options.limit, "At most this many items")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  return cmd;
}

ExitCode run_inbox(const InboxOptions& options, const GlobalOptions& global) {
  auto app = open_app(global);
  if (!app) return report(app.error(), global);
  auto entries = app->inbox(options.user, options.limit);
  if (!entries) return report(entries.error(), global);

  Table table({"ID", "PROCEDURE", "STATE", "ACTIONS", "ON BEHALF OF", "UPDATED"});
  boost::json::array items;
  for (const app::InboxEntry& e : *entries) {
    const engine::Definition& def = *e.procedure.definition;
    if (global.json) {
      boost::json::object o = instance_json(def, e.instance);
      boost::json::array a, b;
      for (const std::string& x : e.actions) a.push_back(boost::json::string(x));
      for (const std::string& x : e.on_behalf_of) b.push_back(boost::json::string(x));
      o["actions"] = std::move(a);
      o["on_behalf_of"] = std::move(b);
      items.push_back(std::move(o));
      continue;
    }
    table.add_row({e.instance.id, def.label.empty() ? def.name : def.label,
                   state_label(def, state_name(def, e.instance.state)), joined(e.actions),
                   joined(e.on_behalf_of), time_text(e.instance.updated_at)});
  }
  if (global.json) {
    boost::json::object doc;
    doc["ok"] = true;
    doc["user"] = options.user;
    doc["items"] = std::move(items);
    print_json(doc);
  } else if (table.empty()) {
    print_out("nothing waits for " + options.user + "\n");
  } else {
    print_out(table.render());
  }
  return ExitCode::Ok;
}

}  // namespace dojang::cli
