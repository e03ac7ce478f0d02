#include "commands/cmd_audit.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "render/report.hpp"
#include "support/io.hpp"
#include "support/open_app.hpp"

namespace dojang::cli {

CLI::App* add_audit_command(CLI::App& app, AuditOptions& options) {
  CLI::App* audit = app.add_subcommand("audit", "Check the audit trail");
  audit->require_subcommand(1);
  CLI::App* verify =
      audit->add_subcommand("verify", "Recompute the history hash chains (all items, or one)");
  verify->add_option("ID", options.instance, "Only this item");
  return verify;
}

ExitCode run_audit_verify(const AuditOptions& options, const GlobalOptions& global) {
  auto app = open_app(global);
  if (!app) return report(app.error(), global);
  std::optional<std::string> only;
  if (!options.instance.empty()) only = options.instance;
  auto checked = app->audit(only);
  if (!checked) return report(checked.error(), global);
  const store::AuditReport& r = *checked;
  const std::string counts = count_of(static_cast<std::size_t>(r.instances), "item") + ", " +
                             count_of(static_cast<std::size_t>(r.events), "event");
  if (global.json) {
    boost::json::array problems;
    for (const store::AuditProblem& p : r.problems) {
      boost::json::object o;
      o["instance"] = p.instance;
      o["seq"] = p.seq;
      o["reason"] = p.reason;
      problems.push_back(std::move(o));
    }
    boost::json::object doc;
    doc["ok"] = r.ok();
    doc["instances"] = r.instances;
    doc["events"] = r.events;
    doc["problems"] = std::move(problems);
    print_json(doc);
  } else {
    for (const store::AuditProblem& p : r.problems)
      print_out(p.instance + ": event #" + std::to_string(p.seq) + ": " + p.reason + "\n");
    if (r.ok()) print_out("checked " + counts + ": every history chain is intact\n");
  }
  if (r.ok()) return ExitCode::Ok;
  print_error("the history of " + count_of(r.problems.size(), "item") +
              " does not check out (checked " + counts + ")");
  return ExitCode::CheckFailed;
}

}  // namespace dojang::cli
