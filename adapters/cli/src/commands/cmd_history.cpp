#include "commands/cmd_history.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "render/instance_view.hpp"
#include "render/report.hpp"
#include "support/io.hpp"
#include "support/open_app.hpp"

namespace dojang::cli {

CLI::App* add_history_command(CLI::App& app, HistoryOptions& options) {
  CLI::App* cmd = app.add_subcommand("history", "Every event of an item, with actors and comments");
  cmd->add_option("ID", options.instance, "The item")->required();
  return cmd;
}

ExitCode run_history(const HistoryOptions& options, const GlobalOptions& global) {
  auto app = open_app(global);
  if (!app) return report(app.error(), global);
  auto view = app->history(options.instance);
  if (!view) return report(view.error(), global);
  const engine::Definition& def = *view->procedure.definition;
  const engine::Instance* instance = &view->instance;
  const std::vector<store::StoredEvent>* events = &view->events;

  if (global.json) {
    boost::json::array list;
    for (const store::StoredEvent& e : *events) {
      boost::json::object o = event_json(def, e.event);
      o["hash"] = e.hash;
      o["prev_hash"] = e.prev_hash;
      list.push_back(std::move(o));
    }
    boost::json::object doc;
    doc["ok"] = true;
    doc["id"] = instance->id;
    doc["workflow"] = instance->workflow;
    doc["version"] = instance->version;
    doc["events"] = std::move(list);
    print_json(doc);
    return ExitCode::Ok;
  }
  std::string out = instance->id + "  " +
                    (def.label.empty() ? def.name : def.label + " (" + def.name + ")") +
                    ", version " + std::to_string(instance->version) + "\n";
  for (const store::StoredEvent& e : *events) out += event_text(def, e.event);
  print_out(out);
  return ExitCode::Ok;
}

}  // namespace dojang::cli
