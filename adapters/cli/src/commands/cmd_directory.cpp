#include "commands/cmd_directory.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "render/report.hpp"
#include "support/io.hpp"
#include "support/open_app.hpp"

namespace dojang::cli {
namespace {

std::string counted(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

CLI::App* add_directory_command(CLI::App& app, DirectoryOptions& options) {
  CLI::App* directory = app.add_subcommand("directory", "The directory of people and roles");
  directory->require_subcommand(1);
  CLI::App* load = directory->add_subcommand(
      "load", "Replace the directory with a file's units, people, roles and deputies");
  load->add_option("FILE", options.file, "The directory file (see examples/directory)")->required();
  return load;
}

ExitCode run_directory_load(const DirectoryOptions& options, const GlobalOptions& global) {
  auto text = read_file(options.file);
  if (!text) return report(usage_failure(text.error()), global);
  auto app = open_app(global, true);
  if (!app) return report(app.error(), global);
  auto loaded = app->load_directory(options.file, *text);
  if (!loaded && !loaded.error().details.empty()) {  // the file's problems, a line each
    for (const std::string& line : loaded.error().details) print_err(line + "\n");
    if (global.json) {
      boost::json::array problems;
      for (const std::string& line : loaded.error().details)
        problems.push_back(boost::json::string(line));
      boost::json::object doc;
      doc["ok"] = false;
      doc["problems"] = std::move(problems);
      print_json(doc);
    }
    print_error(loaded.error().message);
    return ExitCode::CheckFailed;
  }
  if (!loaded) return report(loaded.error(), global);
  if (global.json) {
    boost::json::object doc;
    doc["ok"] = true;
    doc["units"] = loaded->units;
    doc["people"] = loaded->people;
    doc["roles"] = loaded->roles;
    doc["deputies"] = loaded->deputies;
    print_json(doc);
  } else {
    print_out("loaded " + (loaded->units ? counted(loaded->units, "unit", "units") + ", " : "") +
              counted(loaded->people, "person", "people") + " (" +
              counted(loaded->roles, "role", "roles") + " held) and " +
              counted(loaded->deputies, "deputy", "deputies") + " from " + options.file + "\n");
  }
  return ExitCode::Ok;
}

}  // namespace dojang::cli
