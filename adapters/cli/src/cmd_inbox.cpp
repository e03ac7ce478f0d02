#include "cmd_inbox.hpp"

#include <algorithm>

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "instance_view.hpp"
#include "instant.hpp"
#include "io.hpp"
#include "report.hpp"
#include "runtime_session.hpp"
#include "table.hpp"

namespace dojang::cli {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::vector<std::string> roles_of(const engine::Principal& who) {
  std::vector<std::string> roles = who.roles;
  for (const auto& f : who.acting_for) roles.insert(roles.end(), f.roles.begin(), f.roles.end());
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  return roles;
}

// Those the user acts for on this item: the absent people whose roles open an action that the
// user's own roles do not.
std::vector<std::string> on_behalf_of(const engine::Definition& def,
                                      const engine::Instance& instance,
                                      const engine::Principal& who, engine::Date now) {
  engine::Principal own{who.user, who.roles, {}};
  const std::vector<std::string> mine = engine::allowed_actions(def, instance, own, now);
  std::vector<std::string> out;
  for (const auto& f : who.acting_for) {
    engine::Principal only{who.user, {}, {f}};
    for (const std::string& a : engine::allowed_actions(def, instance, only, now)) {
      if (std::find(mine.begin(), mine.end(), a) == mine.end()) {
        out.push_back(f.user);
        break;
      }
    }
  }
  return out;
}

}  // namespace

CLI::App* add_inbox_command(CLI::App& app, InboxOptions& options) {
  CLI::App* cmd = app.add_subcommand("inbox", "The items you (or whom you act for) can act on");
  cmd->add_option("--as", options.user, "Whose inbox (a user of the directory)")->required();
  cmd->add_option("--limit", options.limit, "At most this many items")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  return cmd;
}

ExitCode run_inbox(const InboxOptions& options, const GlobalOptions& global) {
  auto session = Session::open(global);
  if (!session) return report(session.error(), global);
  auto who = session->principal(options.user);
  if (!who) return report(who.error(), global);
  auto waiting = session->store().inbox(roles_of(*who), options.limit);
  if (!waiting) return report(store_failure(waiting.error()), global);

  Table table({"ID", "PROCEDURE", "STATE", "ACTIONS", "ON BEHALF OF", "UPDATED"});
  boost::json::array items;
  for (const store::InstanceSummary& s : *waiting) {
    auto instance = session->instance(s.id);
    if (!instance) return report(instance.error(), global);
    auto procedure = session->procedure(instance->workflow, instance->version);
    if (!procedure) return report(procedure.error(), global);
    const engine::Definition& def = *procedure->definition;
    const std::vector<std::string> actions =
        engine::allowed_actions(def, *instance, *who, session->now());
    if (actions.empty()) continue;
    const std::vector<std::string> behalf = on_behalf_of(def, *instance, *who, session->now());
    const std::string state = state_name(def, instance->state);
    if (global.json) {
      boost::json::object o = instance_json(def, *instance);
      boost::json::array a, b;
      for (const std::string& x : actions) a.push_back(boost::json::string(x));
      for (const std::string& x : behalf) b.push_back(boost::json::string(x));
      o["actions"] = std::move(a);
      o["on_behalf_of"] = std::move(b);
      items.push_back(std::move(o));
      continue;
    }
    table.add_row({instance->id, def.label.empty() ? def.name : def.label, state_label(def, state),
                   joined(actions), joined(behalf), format_minute(instance->updated_at)});
  }
  if (global.json) {
    boost::json::object doc;
    doc["ok"] = true;
    doc["user"] = options.user;
    doc["items"] = std::move(items);
    print_json(doc);
  } else if (table.empty()) {
    print_out("nothing waits for " + options.user + "\n");
  } else {
    print_out(table.render());
  }
  return ExitCode::Ok;
}

}  // namespace dojang::cli
