#include "commands/cmd_definitions.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "render/report.hpp"
#include "render/table.hpp"
#include "support/instant.hpp"
#include "support/io.hpp"
#include "support/open_app.hpp"

namespace dojang::cli {

CLI::App* add_definitions_command(CLI::App& app, DefinitionsOptions& /*options*/) {
  return app.add_subcommand("definitions", "List the deployed procedures and their versions");
}

ExitCode run_definitions(const DefinitionsOptions& /*options*/, const GlobalOptions& global) {
  auto app = open_app(global);
  if (!app) return report(app.error(), global);
  auto records = app->definitions();
  if (!records) return report(records.error(), global);

  Table table({"NAME", "VERSION", "DEPLOYED", "HASH", "LABEL"});
  boost::json::array list;
  for (const app::DefinitionInfo& info : *records) {
    const store::DefinitionRecord& r = info.record;
    const std::string label = info.compiles ? info.label : std::string("(does not compile)");
    if (global.json) {
      boost::json::object o;
      o["name"] = r.name;
      o["version"] = r.version;
      o["deployed_at"] = time_json(r.deployed_at);
      o["hash"] = r.hash;
      o["label"] = label;
      list.push_back(std::move(o));
      continue;
    }
    table.add_row(
        {r.name, std::to_string(r.version), time_text(r.deployed_at), r.hash.substr(0, 12), label});
  }
  if (global.json) {
    boost::json::object doc;
    doc["ok"] = true;
    doc["definitions"] = std::move(list);
    print_json(doc);
  } else if (table.empty()) {
    print_out("no procedure is deployed (see 'dojang deploy')\n");
  } else {
    print_out(table.render());
  }
  return ExitCode::Ok;
}

}  // namespace dojang::cli
