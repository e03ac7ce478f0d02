// Fire: a pending timer is due. A deadline notifies and/or takes an action of the state as the
// system; an `after` moves the item on. A deadline that only notifies is a reminder: an event
// that is no revision (see HistoryEvent), so that it takes nobody's revision or recall away.

#include <algorithm>

#include "apply/runtime_detail.hpp"

namespace dojang::engine::detail {

namespace {

// The fired timer's draft: the timer removed, the event a "timer" event of the system.
void prepare(Draft& draft, const PendingTimer& fired, const TimerDef& timer,
             const std::string& description) {
  auto& timers = draft.after.timers;
  const auto it = std::find(timers.begin(), timers.end(), fired);
  if (it != timers.end()) timers.erase(it);
  draft.event.kind = "timer";
  draft.event.action = description;
  draft.event.actor = std::string(kSystem);
  draft.event.on_behalf_of.clear();
  draft.event.comment.clear();
  for (const NotifyDef& n : timer.notifies) draft.notify.push_back(&n);
  draft.recompute();
}

// The deadline's action, chosen like a person's among same-named actions but without the
// checks on people (role, separation of duties, window, comment); its guard still applies.
std::optional<Refusal> take_deadline_action(Draft& draft, Index action) {
  const StateDef& state = draft.state();
  std::vector<Choice> candidates;
  for (const ActionDef& a : state.actions) {
    if (a.name == state.actions[action].name) candidates.push_back({&a, &kNobody});
  }
  auto choice = choose(draft, candidates, "", false);
  if (!choice) return std::move(choice.error());
  if (auto r = take_action(draft, *(*choice)->action, std::string(kSystem))) return r;
  draft.after.recall.reset();  // only people recall
  return std::nullopt;
}

}  // namespace

std::optional<Refusal> apply_fire(const Definition& def, const Instance& instance,
                                  const Request& request, const Principal& who, Date now,
                                  Step& out) {
  const PendingTimer& fired = request.timer;
  const bool pending =
      std::find(instance.timers.begin(), instance.timers.end(), fired) != instance.timers.end();
  if (!pending || instance.state >= def.states.size() || fired.state != instance.state ||
      fired.timer >= def.states[fired.state].timers.size()) {
    return refusal(Refusal::Code::TimerGone,
                   "the timer is gone: it has fired already or the item has moved on");
  }
  if (auto r = check_revision(instance, request)) return r;
  const TimerDef& timer = def.states[fired.state].timers[fired.timer];
  const bool deadline = timer.kind == TimerDef::Kind::Deadline;
  const std::string description =
      std::string(deadline ? "deadline " : "after ") + to_string(Value{timer.delay});
  const bool has_action =
      deadline && timer.action != kNone && timer.action < def.states[fired.state].actions.size();

  if (has_action) {
    // The deadline's action, in `out`; if it cannot be taken, `out` is built again below.
    Draft acted(def, instance, now, out);
    acted.org = who.organisation;
    prepare(acted, fired, timer, description);
    const std::optional<Refusal> failed = take_deadline_action(acted, timer.action);
    if (!failed) {
      acted.event.kind = "timer";
      acted.event.comment = description;
      finish_into(acted);
      return std::nullopt;
    }
    // The deadline still passed: it notifies, and the history says why nothing moved.
    Draft draft(def, instance, now, out);
    draft.org = who.organisation;
    prepare(draft, fired, timer, description);
    draft.note("the deadline could not take '" + draft.state().actions[timer.action].name +
               "': " + failed->message);
    finish_into(draft);
    return std::nullopt;
  }
  Draft draft(def, instance, now, out);
  draft.org = who.organisation;
  prepare(draft, fired, timer, description);
  if (deadline) {
    draft.event.kind = "reminder";
    draft.reminder = true;
  } else if (auto r = move_to(draft, timer.target, Move::Forward)) {
    return r;
  }
  finish_into(draft);
  return std::nullopt;
}

}  // namespace dojang::engine::detail
