#include "commands/request_runner.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "render/child_view.hpp"
#include "render/instance_view.hpp"
#include "render/report.hpp"
#include "support/io.hpp"
#include "support/open_app.hpp"

namespace dojang::cli {
namespace {

void print_result(const app::RequestInput& input, const app::RequestResult& result,
                  const GlobalOptions& global) {
  const engine::Definition& def = *result.definition;
  if (global.json) {
    boost::json::object doc;
    doc["ok"] = true;
    doc["replayed"] = result.replayed;
    doc["id"] = result.id;
    doc["state"] = result.event.to;
    doc["state_label"] = state_label(def, result.event.to);
    doc["revision"] = result.event.seq;
    if (result.instance) doc["instance"] = instance_json(def, *result.instance);
    doc["event"] = event_json(def, result.event);
    boost::json::array notes;
    for (const engine::Notification& n : result.notifications)
      notes.push_back(notification_json(def, n));
    doc["notifications"] = std::move(notes);
    boost::json::array children;
    for (const app::ChildStart& c : result.started) children.push_back(child_json(c));
    doc["started"] = std::move(children);
    print_json(doc);
    return;
  }
  if (input.request.kind == engine::Request::Kind::Start) {
    print_out(result.id + "\n");
  } else {
    print_out(outcome_line(def, result.id, result.event.to, result.event.seq) + "\n");
  }
  for (const engine::Notification& n : result.notifications)
    print_out(notification_line(def, n) + "\n");
  for (const app::ChildStart& c : result.started) {
    if (c.ok()) {
      print_out(child_line(c) + "\n");
    } else {
      print_err(child_line(c) + "\n");
    }
  }
  if (result.replayed) {
    print_out("  (key '" + input.key + "' was used before: this is its first result; nothing " +
              "changed)\n");
  }
}

}  // namespace

std::expected<std::vector<engine::Assignment>, Failure> parse_assignments(
    const std::vector<std::string>& texts) {
  std::vector<engine::Assignment> out;
  for (const std::string& text : texts) {
    const std::size_t eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
      return std::unexpected(
          usage_failure("--set '" + text + "' should be NAME=VALUE (e.g. --set title=...)"));
    }
    out.push_back({text.substr(0, eq), text.substr(eq + 1)});
  }
  return out;
}

ExitCode run_request(const app::RequestInput& input, const GlobalOptions& global) {
  auto app = open_app(global);
  if (!app) return report(app.error(), global);
  auto result = app->request(input);
  if (!result) return report(result.error(), global);
  print_result(input, *result, global);
  return ExitCode::Ok;
}

}  // namespace dojang::cli
