// Moving an item: the trail of states left (for `return_to`), leaving a state (its timers go),
// entering one (its timers start, a new review round), and routing through decision states.

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "apply/runtime_detail.hpp"

namespace dojang::engine::detail {

namespace {

Date after_delay(Date now, Duration delay) {
  std::int64_t due = 0;
  if (__builtin_add_overflow(now.seconds, delay.seconds, &due)) due = INT64_MAX;
  return Date{due};
}

void adjust_trail(const Definition& def, Instance& in, Index target, Move how) {
  std::vector<Index>& trail = in.trail;
  switch (how) {
    case Move::Forward:
      // Decision states route by themselves; going "back" to one would only route again.
      if (target != in.state && def.states[in.state].kind != StateKind::Decision)
        trail.push_back(in.state);
      break;
    case Move::Return: {
      const auto it = std::find(trail.rbegin(), trail.rend(), target);
      if (it == trail.rend()) {
        trail.clear();
      } else {
        trail.erase(std::prev(it.base()), trail.end());
      }
      break;
    }
    case Move::Back:
      break;
    case Move::Recall:
      if (!trail.empty() && trail.back() == target) trail.pop_back();
      break;
  }
}

void enter(Draft& draft, Index state) {
  Instance& in = draft.after;
  const StateDef& s = draft.def.states[state];
  in.state = state;
  for (Index t = 0; t < s.timers.size(); ++t)
    in.timers.push_back(PendingTimer{state, t, after_delay(draft.now, s.timers[t].delay)});
  if (s.review) {
    const Index block = s.review->block;
    // A new round; declared conflicts of interest stay.
    std::erase_if(in.reviews,
                  [&](const ReviewRecord& r) { return r.block == block && !r.recused; });
  }
}

}  // namespace

std::string values_seen(const Definition& def, const Instance& in,
                        const std::vector<Index>& slots) {
  std::vector<std::string> parts;
  for (const Index s : slots) {
    const Value v = s < in.slots.size() ? in.slots[s] : Value{};
    parts.push_back(slot_name(def, s) + " = " + plain(v));
  }
  return parts.empty() ? std::string() : " (" + join(parts, ", ") + ")";
}

std::optional<Refusal> move_to(Draft& draft, Index target, Move how) {
  const Definition& def = draft.def;
  Instance& in = draft.after;
  if (target >= def.states.size()) {
    return Refusal{Refusal::Code::UnknownAction,
                   "the procedure sends the item to a state it does not have"};
  }
  adjust_trail(def, in, target, how);
  in.timers.clear();  // the state left: its pending timers go
  Index current = target;
  for (int hops = 0;; ++hops) {
    enter(draft, current);
    const StateDef& s = def.states[current];
    if (s.kind != StateKind::Decision) return std::nullopt;
    if (hops >= kMaxRouteHops) {
      return Refusal{Refusal::Code::RouteLoop,
                     "the decision states keep routing the item (more than " +
                         std::to_string(kMaxRouteHops) + " in a row, last " +
                         state_text(def, current) +
                         "); the procedure has a loop of decisions: tell its designer"};
    }
    draft.recompute();
    const Env env = draft.env();
    const RouteDef* taken = nullptr;
    std::vector<std::string> failed;
    for (const RouteDef& r : s.routes) {
      if (!r.guard || r.guard->holds(env)) {
        taken = &r;
        break;
      }
      failed.push_back(quoted(r.guard_source) + values_seen(def, in, r.guard_slots));
    }
    if (taken == nullptr || taken->target >= def.states.size()) {
      draft.note("no route of decision " + state_text(def, current) + " applies (" +
                 (failed.empty() ? std::string("it has none") : join(failed, "; ")) +
                 "); the item waits there");
      return std::nullopt;
    }
    draft.event.route.push_back(s.name);
    current = taken->target;
  }
}

std::optional<Refusal> take_action(Draft& draft, const ActionDef& action,
                                   const std::string& actor) {
  Instance& in = draft.after;
  const Index from = in.state;
  assign_text(draft.event.action, action.name);
  // Strings made once: compared with (and if need be copied into) the event's own.
  static const std::string kAct = "act", kReturn = "return";
  assign_text(draft.event.kind, action.is_return ? kReturn : kAct);
  for (const NotifyDef& n : action.notifies) draft.notify.push_back(&n);
  for (const StartDef& s : action.starts) draft.starts.push_back(&s);
  switch (action.target_kind) {
    case ActionDef::Target::Stay:
      break;
    case ActionDef::Target::State:
      if (auto r = move_to(draft, action.target, action.is_return ? Move::Return : Move::Forward))
        return r;
      break;
    case ActionDef::Target::Previous: {
      if (in.trail.empty()) {
        return Refusal{Refusal::Code::NoPrevious,
                       quoted(action.name) +
                           " sends the item back to the previous step, but it has not come from "
                           "any earlier step"};
      }
      const Index back = in.trail.back();
      in.trail.pop_back();
      if (auto r = move_to(draft, back, Move::Back)) return r;
      break;
    }
  }
  if (action.recallable && in.state != from)
    in.recall = RecallWindow{from, actor, draft.before.revision + 1};
  return std::nullopt;
}

}  // namespace dojang::engine::detail
