#include "commands/cmd_graph.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/object.hpp>

#include "dojang/dsl/compile.hpp"
#include "dojang/engine/diagram.hpp"
#include "render/report.hpp"
#include "support/io.hpp"

namespace dojang::cli {

CLI::App* add_graph_command(CLI::App& app, GraphOptions& options) {
  CLI::App* cmd = app.add_subcommand("graph", "Print a procedure as a Graphviz or Mermaid diagram");
  cmd->add_option("FILE", options.file, "The .flow file")->required();
  cmd->add_option("--format", options.format, "dot (Graphviz, the default) or mermaid")
      ->check(CLI::IsMember({"dot", "mermaid"}));
  return cmd;
}

ExitCode run_graph(const GraphOptions& options, const GlobalOptions& global) {
  auto files = load_sources({options.file});
  if (!files) return ExitCode::Usage;
  const dsl::SourceFile& file = files->front();
  dsl::CompileResult const result = dsl::compile(file);
  bool const ok = result.ok() && !dsl::has_errors(result.diagnostics);
  std::string diagram;
  if (ok) {
    diagram = options.format == "mermaid" ? engine::to_mermaid(*result.definition)
                                          : engine::to_dot(*result.definition);
    if (!diagram.empty() && diagram.back() != '\n') diagram += '\n';
  }
  if (global.json) {
    boost::json::object document;
    document["file"] = file.path();
    document["format"] = options.format;
    document["ok"] = ok;
    if (ok) document["diagram"] = diagram;
    document["diagnostics"] = diagnostics_json(file, result.diagnostics);
    print_json(document);
  } else {
    if (!result.diagnostics.empty()) print_err(dsl::render_all(file, result.diagnostics));
    if (ok) {
      print_out(diagram);
    } else {
      print_err(file.path() + ": " + diagnostic_counts(result.diagnostics) + "; no diagram\n");
    }
  }
  return ok ? ExitCode::Ok : ExitCode::CheckFailed;
}

}  // namespace dojang::cli
