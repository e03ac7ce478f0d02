#include "commands/cmd_fmt.hpp"

#include <optional>

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "dojang/dsl/format.hpp"
#include "render/report.hpp"
#include "support/io.hpp"

namespace dojang::cli {
namespace {

struct Outcome {
  ExitCode code = ExitCode::Ok;
  bool parsed = false;     // the file could be formatted at all
  bool canonical = false;  // the file on disk is now in canonical form
  bool changed = false;    // the file was rewritten
  std::string message;     // the line for stdout, or why writing failed
};

Outcome format_one(const dsl::SourceFile& file, const std::optional<std::string>& formatted,
                   bool check) {
  Outcome out;
  if (!formatted) {
    out.code = ExitCode::CheckFailed;
    return out;
  }
  out.parsed = true;
  if (*formatted == file.text()) {
    out.canonical = true;
    return out;
  }
  if (check) {
    out.code = ExitCode::CheckFailed;
    out.message = file.path() + ": not formatted";
    return out;
  }
  if (auto written = write_file_atomically(file.path(), *formatted); !written) {
    out.code = ExitCode::Usage;
    out.message = written.error();
    return out;
  }
  out.canonical = true;
  out.changed = true;
  out.message = "formatted " + file.path();
  return out;
}

}  // namespace

CLI::App* add_fmt_command(CLI::App& app, FmtOptions& options) {
  CLI::App* cmd = app.add_subcommand("fmt", "Rewrite .flow files in their canonical layout");
  cmd->add_option("FILE", options.files, "The .flow files to format in place")->required();
  cmd->add_flag("--check", options.check,
                "Change nothing; exit 1 and list the files that are not formatted");
  return cmd;
}

ExitCode run_fmt(const FmtOptions& options, const GlobalOptions& global) {
  auto files = load_sources(options.files);
  if (!files) return ExitCode::Usage;
  ExitCode code = ExitCode::Ok;
  boost::json::array reports;
  for (const dsl::SourceFile& file : *files) {
    std::vector<dsl::Diagnostic> diagnostics;
    std::optional<std::string> const formatted = dsl::format_text(file, &diagnostics);
    Outcome const outcome = format_one(file, formatted, options.check);
    code = worst(code, outcome.code);
    if (outcome.code == ExitCode::Usage) print_error(outcome.message);
    if (global.json) {
      boost::json::object o;
      o["file"] = file.path();
      o["parsed"] = outcome.parsed;
      o["formatted"] = outcome.canonical;
      o["changed"] = outcome.changed;
      if (outcome.code == ExitCode::Usage) o["error"] = outcome.message;
      o["diagnostics"] = diagnostics_json(file, diagnostics);
      reports.push_back(std::move(o));
      continue;
    }
    if (!diagnostics.empty()) print_err(dsl::render_all(file, diagnostics));
    if (!outcome.parsed) {
      std::string const counts = diagnostic_counts(diagnostics);
      print_err(file.path() + ": " + (counts.empty() ? "does not parse" : counts) +
                "; left unchanged\n");
    } else if (outcome.code != ExitCode::Usage && !outcome.message.empty()) {
      print_out(outcome.message + "\n");
    }
  }
  if (global.json) {
    boost::json::object document;
    document["files"] = std::move(reports);
    document["check"] = options.check;
    document["ok"] = code == ExitCode::Ok;
    print_json(document);
  }
  return code;
}

}  // namespace dojang::cli
