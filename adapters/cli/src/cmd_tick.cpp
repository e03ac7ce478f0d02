#include "cmd_tick.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "child_starts.hpp"
#include "instance_view.hpp"
#include "io.hpp"
#include "rank_tick.hpp"
#include "report.hpp"
#include "runtime_session.hpp"

namespace dojang::cli {
namespace {

enum class Fate { Fired, Gone, Retry, Failed };

struct Fired {
  Fate fate = Fate::Failed;
  std::string line;          // for people
  boost::json::object json;  // for machines
};

Fired fire(Session& session, const store::DueTimer& due) {
  Fired out;
  out.json["instance"] = due.instance;
  auto fail = [&](Fate fate, const std::string& why) {
    out.fate = fate;
    out.line = due.instance + ": " + why;
    out.json["result"] = fate == Fate::Gone ? "gone" : fate == Fate::Retry ? "retry" : "failed";
    out.json["message"] = why;
    if (fate == Fate::Retry || fate == Fate::Failed) {
      (void)session.store().release_timer(due.id);  // a later tick tries again
    }
    return out;
  };
  auto instance = session.store().instance(due.instance);
  if (!instance) {
    if (instance.error().code == store::Error::Code::NotFound)
      return fail(Fate::Gone, "the item is gone; timer dropped");
    return fail(Fate::Retry, instance.error().message);
  }
  auto procedure = session.procedure(instance->workflow, instance->version);
  if (!procedure) return fail(Fate::Failed, procedure.error().message);
  const engine::Definition& def = *procedure->definition;

  engine::Request request;
  request.kind = engine::Request::Kind::Fire;
  request.timer = due.timer;
  engine::Principal system{"system", {}, {}};
  engine::Outcome outcome = engine::apply(def, *instance, request, system, session.now());
  if (!outcome) {
    if (outcome.error().code == engine::Refusal::Code::TimerGone)
      return fail(Fate::Gone, outcome.error().message + "; dropped");
    return fail(Fate::Failed, outcome.error().message);
  }
  auto committed = session.store().commit(*outcome, "");
  if (!committed) {
    if (committed.error().code == store::Error::Code::Conflict)
      return fail(Fate::Retry, "the item changed meanwhile; the timer fires on a later tick");
    return fail(Fate::Failed, committed.error().message);
  }
  const engine::Step& step = *outcome;
  out.fate = Fate::Fired;
  out.line = due.instance + ": " + step.event.action + " in " + state_title(def, step.event.from) +
             " fired — now " + state_title(def, step.event.to) + ", revision " +
             std::to_string(step.instance.revision) + "\n";
  for (const engine::Notification& n : step.notifications)
    out.line += notification_line(def, n) + "\n";
  out.line.pop_back();
  out.json["result"] = "fired";
  out.json["event"] = event_json(def, step.event);
  boost::json::array notes;
  for (const engine::Notification& n : step.notifications)
    notes.push_back(notification_json(def, n));
  out.json["notifications"] = std::move(notes);
  return out;
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
  auto session = Session::open(global);
  if (!session) return report(session.error(), global);
  auto due = session->store().claim_due_timers(session->now(), options.limit);
  if (!due) return report(store_failure(due.error()), global);

  std::size_t fired = 0, failed = 0;
  boost::json::array timers;
  for (const store::DueTimer& t : *due) {
    Fired result = fire(*session, t);
    fired += result.fate == Fate::Fired ? 1 : 0;
    failed += result.fate == Fate::Failed ? 1 : 0;
    if (global.json) {
      timers.push_back(std::move(result.json));
    } else if (result.fate == Fate::Failed) {
      print_error(result.line);
    } else {
      print_out(result.line + "\n");
    }
  }
  // Items to start: ordered by the steps just fired, or left over by a crash after a commit.
  boost::json::array started;
  for (const ChildStart& child : start_children(*session, std::nullopt)) {
    failed += child.ok() ? 0 : 1;
    if (global.json) {
      started.push_back(child_json(child));
    } else if (child.ok()) {
      print_out(child_line(child).substr(2) + "\n");
    } else {
      print_error(child_line(child).substr(2));
    }
  }
  // Rankings whose `at` day has come, for each group not ranked yet (rank_tick.cpp).
  boost::json::array rankings;
  for (TickedRanking& ranked : tick_rankings(*session)) {
    failed += ranked.ok ? 0 : 1;
    if (global.json) {
      rankings.push_back(std::move(ranked.json));
    } else if (ranked.ok) {
      print_out(ranked.line + "\n");
    } else {
      print_error(ranked.line);
    }
  }
  if (global.json) {
    boost::json::object doc;
    doc["ok"] = failed == 0;
    doc["fired"] = fired;
    doc["timers"] = std::move(timers);
    doc["started"] = std::move(started);
    doc["rankings"] = std::move(rankings);
    print_json(doc);
  } else {
    print_out(count_of(fired, "timer") + " fired\n");
  }
  return failed == 0 ? ExitCode::Ok : ExitCode::CheckFailed;
}

}  // namespace dojang::cli
