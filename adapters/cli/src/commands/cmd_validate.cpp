#include "commands/cmd_validate.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "dojang/dsl/compile.hpp"
#include "render/report.hpp"
#include "support/io.hpp"

namespace dojang::cli {
namespace {

struct Outcome {
  bool ok = false;
  std::size_t errors = 0;
  std::size_t warnings = 0;
};

Outcome judge(const dsl::CompileResult& result, bool strict) {
  Outcome out;
  out.errors = dsl::error_count(result.diagnostics);
  out.warnings = warning_count(result.diagnostics);
  out.ok = result.ok() && out.errors == 0 && !(strict && out.warnings > 0);
  return out;
}

// "ok (9 states, 5 roles, 6 fields)", "ok, 1 warning (...)", "2 errors, 1 warning",
// "1 warning (an error with --strict)".
std::string summary(const dsl::CompileResult& result, const Outcome& outcome) {
  if (!outcome.ok) {
    std::string counts = diagnostic_counts(result.diagnostics);
    if (counts.empty()) return "failed without a diagnostic";
    if (outcome.errors == 0) counts += " (an error with --strict)";
    return counts;
  }
  const engine::Definition& d = *result.definition;
  std::string line = "ok";
  if (outcome.warnings > 0) line += ", " + count_of(outcome.warnings, "warning");
  return line + " (" + count_of(d.states.size(), "state") + ", " +
         count_of(d.roles.size(), "role") + ", " + count_of(d.fields.size(), "field") + ")";
}

boost::json::object file_json(const dsl::SourceFile& file, const dsl::CompileResult& result,
                              const Outcome& outcome) {
  boost::json::object o;
  o["file"] = file.path();
  o["ok"] = outcome.ok;
  o["errors"] = outcome.errors;
  o["warnings"] = outcome.warnings;
  if (result.definition) {
    o["workflow"] = result.definition->name;
    o["states"] = result.definition->states.size();
    o["roles"] = result.definition->roles.size();
    o["fields"] = result.definition->fields.size();
  }
  o["diagnostics"] = diagnostics_json(file, result.diagnostics);
  return o;
}

}  // namespace

CLI::App* add_validate_command(CLI::App& app, ValidateOptions& options) {
  CLI::App* cmd = app.add_subcommand("validate", "Check .flow files: syntax, names, types, graph");
  cmd->add_option("FILE", options.files, "The .flow files to check")->required();
  cmd->add_flag("--strict", options.strict, "Fail on warnings too");
  return cmd;
}

ExitCode run_validate(const ValidateOptions& options, const GlobalOptions& global) {
  auto files = load_sources(options.files);
  if (!files) return ExitCode::Usage;
  bool all_ok = true;
  boost::json::array reports;
  for (const dsl::SourceFile& file : *files) {
    dsl::CompileResult const result = dsl::compile(file);
    Outcome const outcome = judge(result, options.strict);
    all_ok = all_ok && outcome.ok;
    if (global.json) {
      reports.push_back(file_json(file, result, outcome));
      continue;
    }
    if (!result.diagnostics.empty()) print_err(dsl::render_all(file, result.diagnostics));
    print_out(file.path() + ": " + summary(result, outcome) + "\n");
  }
  if (global.json) {
    boost::json::object document;
    document["files"] = std::move(reports);
    document["ok"] = all_ok;
    print_json(document);
  }
  return all_ok ? ExitCode::Ok : ExitCode::CheckFailed;
}

}  // namespace dojang::cli
