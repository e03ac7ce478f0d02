// The clock's work: due timers (each claimed by exactly one caller across processes), the starts
// of other procedures left pending, and the rankings whose day has come.

#include <algorithm>

#include "child_starts.hpp"
#include "rank.hpp"
#include "state.hpp"

namespace dojang::app {
namespace {

using Fate = FiredTimer::Fate;

FiredTimer fire(State& state, const store::DueTimer& due) {
  FiredTimer out;
  out.instance = due.instance;
  auto fail = [&](Fate fate, const std::string& why) {
    out.fate = fate;
    out.message = why;
    if (fate == Fate::Retry || fate == Fate::Failed) {
      (void)state.store().release_timer(due.id);  // a later tick tries again
    }
    return out;
  };
  auto instance = state.store().instance(due.instance);
  if (!instance) {
    if (instance.error().code == store::Error::Code::NotFound)
      return fail(Fate::Gone, "the item is gone; timer dropped");
    return fail(Fate::Retry, instance.error().message);
  }
  auto procedure = state.procedure(instance->workflow, instance->version);
  if (!procedure) return fail(Fate::Failed, procedure.error().message);
  const engine::Definition& def = *procedure->definition;

  engine::Request request;
  request.kind = engine::Request::Kind::Fire;
  request.timer = due.timer;
  auto system = state.system();
  if (!system) return fail(Fate::Retry, system.error().message);
  engine::Outcome outcome = engine::apply(def, *instance, request, *system, state.now);
  if (!outcome) {
    if (outcome.error().code == engine::Refusal::Code::TimerGone)
      return fail(Fate::Gone, outcome.error().message + "; dropped");
    return fail(Fate::Failed, outcome.error().message);
  }
  auto committed = state.store().commit(*outcome, "");
  if (!committed) {
    if (committed.error().code == store::Error::Code::Conflict)
      return fail(Fate::Retry, "the item changed meanwhile; the timer fires on a later tick");
    return fail(Fate::Failed, committed.error().message);
  }
  out.fate = Fate::Fired;
  out.definition = procedure->definition;
  out.event = std::move(outcome->event);
  out.revision = outcome->instance.revision;
  out.notifications = std::move(outcome->notifications);
  return out;
}

}  // namespace

std::size_t TickReport::fired() const {
  return static_cast<std::size_t>(
      std::ranges::count_if(timers, [](const FiredTimer& t) { return t.fate == Fate::Fired; }));
}

std::size_t TickReport::failed() const {
  return static_cast<std::size_t>(
      std::ranges::count_if(timers, [](const FiredTimer& t) { return t.fate == Fate::Failed; }) +
      std::ranges::count_if(started, [](const ChildStart& c) { return !c.ok(); }) +
      std::ranges::count_if(rankings, [](const TickedRanking& r) { return !r.ok(); }));
}

Result<TickReport> App::tick(int limit) {
  State& state = *m;
  state.begin();
  auto due = state.store().claim_due_timers(state.now, limit);
  if (!due) return std::unexpected(from_store(due.error()));
  TickReport report;
  for (const store::DueTimer& t : *due) report.timers.push_back(fire(state, t));
  // Items to start: ordered by the steps just fired, or left over by a crash after a commit.
  report.started = start_children(state, std::nullopt);
  report.rankings = tick_rankings(state);
  return report;
}

}  // namespace dojang::app
