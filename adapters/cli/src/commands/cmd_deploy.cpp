#include "commands/cmd_deploy.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "dojang/dsl/compile.hpp"
#include "render/report.hpp"
#include "support/io.hpp"
#include "support/open_app.hpp"

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

// Nothing is stored when a file does not compile: its diagnostics, and a summary.
ExitCode refuse_diagnostics(const std::vector<dsl::SourceFile>& files,
                            const app::DeployReport& report, const GlobalOptions& global) {
  boost::json::array failed;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const dsl::SourceFile& file = files[i];
    const dsl::CompileResult& result = report.compiled[i];
    const bool ok = result.ok() && !dsl::has_errors(result.diagnostics);
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
  // Every file is compiled before the store is opened: one bad file deploys nothing.
  std::vector<dsl::CompileResult> compiled;
  for (const dsl::SourceFile& file : *files) compiled.push_back(dsl::compile(file));
  if (app::DeployReport checked{compiled, {}, {}}; !checked.compiled_ok())
    return refuse_diagnostics(*files, checked, global);

  auto app = open_app(global, true);
  if (!app) return report(app.error(), global);
  auto deployed = app->deploy(*files, std::move(compiled));
  if (!deployed) return report(deployed.error(), global);
  const app::DeployReport& r = *deployed;
  if (!r.compiled_ok()) return refuse_diagnostics(*files, r, global);
  if (!r.start_problems.empty()) return refuse_starts(r.start_problems, global);
  for (std::size_t i = 0; i < files->size(); ++i) {
    const dsl::SourceFile& file = (*files)[i];
    if (!global.json && !r.compiled[i].diagnostics.empty())
      print_err(dsl::render_all(file, r.compiled[i].diagnostics));  // warnings
  }
  if (global.json) {
    boost::json::array list;
    for (const app::Deployed& d : r.deployed) {
      boost::json::object o;
      o["file"] = d.file;
      o["workflow"] = d.outcome.name;
      o["version"] = d.outcome.version;
      o["created"] = d.outcome.created;
      o["hash"] = d.hash;
      list.push_back(std::move(o));
    }
    boost::json::object doc;
    doc["ok"] = true;
    doc["deployed"] = std::move(list);
    print_json(doc);
    return ExitCode::Ok;
  }
  for (const app::Deployed& d : r.deployed) {
    const std::string version = "version " + std::to_string(d.outcome.version);
    print_out(d.outcome.name + ": " +
              (d.outcome.created ? version + " deployed" : "unchanged (" + version + ")") + "\n");
  }
  return ExitCode::Ok;
}

}  // namespace dojang::cli
