#include "cmd_directory.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "directory_file.hpp"
#include "io.hpp"
#include "report.hpp"
#include "runtime_session.hpp"

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
      "load", "Replace the directory with a file's people, roles and deputies");
  load->add_option("FILE", options.file, "The directory file (see examples/directory)")->required();
  return load;
}

ExitCode run_directory_load(const DirectoryOptions& options, const GlobalOptions& global) {
  auto text = read_file(options.file);
  if (!text) return report(usage_failure(text.error()), global);
  auto directory = parse_directory(options.file, *text);
  if (!directory) {
    for (const std::string& line : directory.error()) print_err(line + "\n");
    const std::string summary =
        count_of(directory.error().size(), "problem") + " in " + options.file + "; nothing loaded";
    if (global.json) {
      boost::json::array problems;
      for (const std::string& line : directory.error())
        problems.push_back(boost::json::string(line));
      boost::json::object doc;
      doc["ok"] = false;
      doc["problems"] = std::move(problems);
      print_json(doc);
    }
    print_error(summary);
    return ExitCode::CheckFailed;
  }
  auto session = Session::open(global);
  if (!session) return report(session.error(), global);
  if (auto loaded = session->store().load_directory(*directory); !loaded)
    return report(store_failure(loaded.error()), global);

  std::size_t roles = 0;
  for (const store::Person& p : directory->people) roles += p.roles.size();
  if (global.json) {
    boost::json::object doc;
    doc["ok"] = true;
    doc["people"] = directory->people.size();
    doc["roles"] = roles;
    doc["deputies"] = directory->deputies.size();
    print_json(doc);
  } else {
    print_out("loaded " + counted(directory->people.size(), "person", "people") + " (" +
              counted(roles, "role", "roles") + " held) and " +
              counted(directory->deputies.size(), "deputy", "deputies") + " from " + options.file +
              "\n");
  }
  return ExitCode::Ok;
}

}  // namespace dojang::cli
