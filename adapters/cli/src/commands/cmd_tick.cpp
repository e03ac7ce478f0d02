#include "commands/cmd_tick.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "render/child_view.hpp"
#include "render/instance_view.hpp"
#include "render/rank_view.hpp"
#include "render/report.hpp"
#include "support/io.hpp"
#include "support/open_app.hpp"

namespace dojang::cli {
namespace {

using Fate = app::FiredTimer::Fate;

// The line for people and the object for machines of one timer.
std::string timer_line(const app::FiredTimer& t) {
  if (t.fate != Fate::Fired) return t.instance + ": " + t.message;
  const engine::Definition& def = *t.definition;
  std::string out = t.instance + ": " + t.event.action + " in " + state_title(def, t.event.from) +
                    " fired — now " + state_title(def, t.event.to) + ", revision " +
                    std::to_string(t.revision);
  for (const engine::Notification& n : t.notifications) out += "\n" + notification_line(def, n);
  return out;
}

boost::json::object timer_json(const app::FiredTimer& t) {
  boost::json::object o;
  o["instance"] = t.instance;
  if (t.fate != Fate::Fired) {
    o["result"] = t.fate == Fate::Gone ? "gone" : t.fate == Fate::Retry ? "retry" : "failed";
    o["message"] = t.message;
    return o;
  }
  const engine::Definition& def = *t.definition;
  o["result"] = "fired";
  o["event"] = event_json(def, t.event);
  boost::json::array notes;
  for (const engine::Notification& n : t.notifications) notes.push_back(notification_json(def, n));
  o["notifications"] = std::move(notes);
  return o;
}

std::string ranking_line(const app::TickedRanking& r) {
  if (r.ok()) return rank_summary(*r.done);
  return r.workflow + " " + r.ranking + (r.group.empty() ? "" : ", " + r.group) + ": " + r.message;
}

boost::json::object ranking_json(const app::TickedRanking& r) {
  if (r.ok()) {
    boost::json::object o = rank_json(*r.done);
    o["result"] = "ranked";
    return o;
  }
  boost::json::object o;
  o["result"] = "failed";
  o["workflow"] = r.workflow;
  o["ranking"] = r.ranking;
  o["group"] = r.group;
  o["message"] = r.message;
  return o;
}

}  // namespace

CLI::App* add_tick_command(CLI::App& app, TickOptions& options) {
  CLI::App* cmd = app.add_subcommand("tick", "Fire the timers that are due (each exactly once)");
  cmd->add_option("--limit", options.limit, "At most this many timers in one tick")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  return cmd;
}

ExitCode run_tick(const TickOptions& options, const GlobalOptions& global) {
  auto app = open_app(global);
  if (!app) return report(app.error(), global);
  auto ticked = app->tick(options.limit);
  if (!ticked) return report(ticked.error(), global);
  const app::TickReport& r = *ticked;
  const std::size_t failed = r.failed();
  if (global.json) {
    boost::json::array timers, started, rankings;
    for (const app::FiredTimer& t : r.timers) timers.push_back(timer_json(t));
    for (const app::ChildStart& c : r.started) started.push_back(child_json(c));
    for (const app::TickedRanking& k : r.rankings) rankings.push_back(ranking_json(k));
    boost::json::object doc;
    doc["ok"] = failed == 0;
    doc["fired"] = r.fired();
    doc["timers"] = std::move(timers);
    doc["started"] = std::move(started);
    doc["rankings"] = std::move(rankings);
    print_json(doc);
    return failed == 0 ? ExitCode::Ok : ExitCode::CheckFailed;
  }
  for (const app::FiredTimer& t : r.timers) {
    if (t.fate == Fate::Failed) {
      print_error(timer_line(t));
    } else {
      print_out(timer_line(t) + "\n");
    }
  }
  for (const app::ChildStart& c : r.started) {
    if (c.ok()) {
      print_out(child_line(c).substr(2) + "\n");
    } else {
      print_error(child_line(c).substr(2));
    }
  }
  for (const app::TickedRanking& k : r.rankings) {
    if (k.ok()) {
      print_out(ranking_line(k) + "\n");
    } else {
      print_error(ranking_line(k));
    }
  }
  print_out(count_of(r.fired(), "timer") + " fired\n");
  return failed == 0 ? ExitCode::Ok : ExitCode::CheckFailed;
}

}  // namespace dojang::cli
