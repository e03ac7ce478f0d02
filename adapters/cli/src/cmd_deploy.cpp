#include "cmd_deploy.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "deploy_starts.hpp"
#include "dojang/dsl/compile.hpp"
#include "instant.hpp"
#include "io.hpp"
#include "report.hpp"
#include "runtime_session.hpp"

namespace dojang::cli {

namespace {

// Nothing is stored when a `start` does not fit the procedure it starts.
ExitCode refuse_starts(const std::vector<std::string>& problems, const GlobalOptions& global) {
  if (global.json) {
    boost::json::object doc;
    doc["ok"] = false;
    boost::json::array list;
    for (const std::string& p : problems) list.push_back(boost::json::string(p));
    doc["start_problems"] = std::move(list);
    doc["deployed"] = boost::json::array();
    print_json(doc);
  } else {
    for (const std::string& p : problems) print_err(p + "\n");
  }
  print_error("nothing deployed: a 'start' does not fit the procedure it starts");
  return ExitCode::CheckFailed;
}

}  // namespace

CLI::App* add_deploy_command(CLI::App& app, DeployOptions& options) {
  CLI::App* cmd =
      app.add_subcommand("deploy", "Store a new version of each procedure whose text changed");
  cmd->add_option("FILE", options.files, "The .flow files to deploy")->required();
  return cmd;
}

ExitCode run_deploy(const DeployOptions& options, const GlobalOptions& global) {
  auto files = load_sources(options.files);
  if (!files) return ExitCode::Usage;
  // Everything is compiled before anything is stored: one bad file deploys nothing.
  std::vector<dsl::CompileResult> compiled;
  bool all_ok = true;
  boost::json::array failed;
  for (const dsl::SourceFile& file : *files) {
    compiled.push_back(dsl::compile(file));
    const dsl::CompileResult& result = compiled.back();
    const bool ok = result.ok() && !dsl::has_errors(result.diagnostics);
    all_ok = all_ok && ok;
    if (!global.json && !result.diagnostics.empty())
      print_err(dsl::render_all(file, result.diagnostics));
    if (ok) continue;
    if (global.json) {
      boost::json::object o;
      o["file"] = file.path();
      o["diagnostics"] = diagnostics_json(file, result.diagnostics);
      failed.push_back(std::move(o));
    } else {
      print_err(file.path() + ": " + diagnostic_counts(result.diagnostics) + "\n");
    }
  }
  if (!all_ok) {
    if (global.json) {
      boost::json::object doc;
      doc["ok"] = false;
      doc["failed"] = std::move(failed);
      doc["deployed"] = boost::json::array();
      print_json(doc);
    }
    print_error("nothing deployed: fix the errors first");
    return ExitCode::CheckFailed;
  }

  auto session = Session::open(global);
  if (!session) return report(session.error(), global);
  std::vector<Deploying> deploying;
  for (std::size_t i = 0; i < files->size(); ++i)
    deploying.push_back({(*files)[i].path(), compiled[i].definition.get()});
  if (auto problems = start_problems(*session, deploying); !problems.empty()) {
    return refuse_starts(problems, global);
  }
  boost::json::array deployed;
  for (std::size_t i = 0; i < files->size(); ++i) {
    const dsl::SourceFile& file = (*files)[i];
    const engine::Definition& def = *compiled[i].definition;
    auto outcome = session->store().deploy(def.name, file.text(), def.source_hash, session->now());
    if (!outcome) return report(store_failure(outcome.error()), global);
    if (global.json) {
      boost::json::object o;
      o["file"] = file.path();
      o["workflow"] = outcome->name;
      o["version"] = outcome->version;
      o["created"] = outcome->created;
      o["hash"] = def.source_hash;
      deployed.push_back(std::move(o));
      continue;
    }
    const std::string version = "version " + std::to_string(outcome->version);
    print_out(outcome->name + ": " +
              (outcome->created ? version + " deployed" : "unchanged (" + version + ")") + "\n");
  }
  if (global.json) {
    boost::json::object doc;
    doc["ok"] = true;
    doc["deployed"] = std::move(deployed);
    print_json(doc);
  }
  return ExitCode::Ok;
}

}  // namespace dojang::cli
