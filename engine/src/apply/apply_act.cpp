// Act: a person takes an action of the current state. Among same-named actions, the first in
// declaration order that the person may take and whose guard holds wins.

#include <algorithm>

#include "apply/runtime_detail.hpp"

namespace dojang::engine::detail {

namespace {

std::string unknown_action_text(const Definition& def, Index state, std::string_view action) {
  const StateDef& s = def.states[state];
  std::vector<std::string> names;
  for (const ActionDef& a : s.actions) {
    if (std::find(names.begin(), names.end(), a.name) == names.end()) names.push_back(a.name);
  }
  if (s.review) names.push_back("review");
  std::string out = quoted(action) + " is not an action of " + state_text(def, state);
  if (s.kind == StateKind::Decision)
    return out + ": the item waits at a decision, where nobody acts";
  if (names.empty()) return out + ": nothing can be done there";
  return out + "; what can be done there: " + join(names, ", ");
}

std::string wrong_role_text(const Definition& def, const std::vector<const ActionDef*>& named,
                            const Principal& who) {
  std::vector<std::string> needs;
  for (const ActionDef* a : named) {
    std::string t = actor_text(def, a->by);
    if (std::find(needs.begin(), needs.end(), t) == needs.end()) needs.push_back(std::move(t));
  }
  return quoted(named.front()->name) + " needs " + join(needs, " or ") + "; " +
         principal_text(def, who);
}

bool leaves_start(const Definition& def, const Instance& in, const ActionDef& a) {
  if (in.state != def.start) return false;
  switch (a.target_kind) {
    case ActionDef::Target::Stay:
      return false;
    case ActionDef::Target::State:
      return a.target != def.start;
    case ActionDef::Target::Previous:
      return !in.trail.empty() && in.trail.back() != def.start;
  }
  return false;
}

bool unset(const Instance& in, const FieldDef& f) {
  return f.slot >= in.slots.size() || in.slots[f.slot].is_null();
}

bool contains(const std::vector<Index>& list, Index i) {
  return std::find(list.begin(), list.end(), i) != list.end();
}

// `drafter`: the drafter's fields, which the start state's actions may also set.
bool settable_all(const Definition& def, const ActionDef& a, const std::vector<Assignment>& set,
                  const std::vector<Index>& drafter) {
  return std::all_of(set.begin(), set.end(), [&](const Assignment& s) {
    const Index f = def.field_index(s.field);
    return f != kNone && (contains(a.sets, f) || contains(drafter, f));
  });
}

}  // namespace

std::expected<const Choice*, Refusal> choose(Draft& draft, std::span<const Choice> candidates,
                                             std::string_view comment, bool need_comment) {
  const Definition& def = draft.def;
  const Instance& in = draft.after;
  const Env env = draft.env();
  const Choice* chosen = nullptr;
  for (const Choice& c : candidates) {
    if (!c.action->guard || c.action->guard->holds(env)) {
      chosen = &c;
      break;
    }
  }
  // When no guard holds, missing fields and the comment of the first are the likelier reason.
  const ActionDef& a = chosen != nullptr ? *chosen->action : *candidates.front().action;
  std::vector<Index> missing;
  for (const Index f : a.requires_fields) {
    if (f < def.fields.size() && unset(in, def.fields[f])) missing.push_back(f);
  }
  if (leaves_start(def, in, a)) {
    for (Index f = 0; f < def.fields.size(); ++f) {
      if (def.fields[f].required && unset(in, def.fields[f]) &&
          std::find(missing.begin(), missing.end(), f) == missing.end())
        missing.push_back(f);
    }
  }
  if (!missing.empty()) {
    std::vector<std::string> names;
    for (const Index f : missing)
      names.push_back(field_text(def.fields[f]) + " (" + def.fields[f].name + ")");
    return refuse(Refusal::Code::MissingField,
                  "fill in " + join(names, ", ") + " before " + quoted(a.name) +
                      (names.size() == 1 ? ": it is required" : ": they are required"));
  }
  if (need_comment && a.with_comment && trim(comment).empty()) {
    return refuse(Refusal::Code::MissingComment, quoted(a.name) + " needs a comment: say why");
  }
  if (chosen != nullptr) return chosen;
  std::vector<std::string> conditions;
  for (const Choice& c : candidates) {
    conditions.push_back(quoted(c.action->guard_source) +
                         values_seen(def, in, c.action->guard_slots));
  }
  if (conditions.size() == 1) {
    const ActionDef& only = *candidates.front().action;
    return refuse(Refusal::Code::GuardFalse, "the condition " + quoted(only.guard_source) +
                                                 " does not hold" +
                                                 values_seen(def, in, only.guard_slots) + ", so " +
                                                 quoted(a.name) + " cannot be taken now");
  }
  return refuse(Refusal::Code::GuardFalse, "none of the conditions of " + quoted(a.name) +
                                               " holds: " + join(conditions, "; "));
}

std::optional<Refusal> apply_act(const Definition& def, const Instance& instance,
                                 const Request& request, const Principal& who, Date now,
                                 Step& out) {
  if (auto r = check_open(def, instance, request)) return r;
  const StateDef& state = def.states[instance.state];
  // Scratch lists kept per thread, so that a step allocates none of them (apply is pure: they
  // hold nothing from one call to the next).
  thread_local std::vector<const ActionDef*> named;
  thread_local std::vector<Choice> candidates;
  named.clear();
  candidates.clear();
  for (const ActionDef& a : state.actions) {
    if (a.name == request.action) named.push_back(&a);
  }
  if (named.empty()) {
    // `recall`, `review` and `recuse` are what allowed_actions lists for those requests.
    if (request.action == "recall") return apply_recall(def, instance, request, who, now, out);
    if ((request.action == "review" || request.action == "recuse") && state.review)
      return apply_review(def, instance, request, who, now, out);
    if (auto done = apply_owner_action(def, instance, request, who, now, out)) return *done;
    return refusal(Refusal::Code::UnknownAction,
                   unknown_action_text(def, instance.state, request.action));
  }

  for (const ActionDef* a : named) {
    if (const std::string* as = acting_for(def, instance, a->by, who))
      candidates.push_back({a, as});
  }
  if (candidates.empty()) {
    std::string behalf;
    const bool could = std::any_of(named.begin(), named.end(), [&](const ActionDef* a) {
      return acting_for_anyone(def, instance, a->by, who) != nullptr;
    });
    if (could && owner_only(def, instance) && !is_owner(instance, who, behalf))
      return not_owner(def, instance, request.action, who);
    return refusal(Refusal::Code::WrongRole, wrong_role_text(def, named, who));
  }

  const auto blocked = [&](const Choice& c) {
    return four_eyes_block(*c.action, instance, who.user, *c.on_behalf_of);
  };
  if (std::all_of(candidates.begin(), candidates.end(), blocked)) {
    const Choice& first = candidates.front();
    const std::string whose = who.user == instance.submitter
                                  ? "you submitted it"
                                  : "you act for " + *first.on_behalf_of + ", who submitted it";
    return refusal(Refusal::Code::FourEyes,
                   quoted(first.action->name) +
                       " may not be taken by the one who submitted the item (separation of "
                       "duties): " +
                       whose);
  }

  std::erase_if(candidates, blocked);
  const auto closed = [&](const Choice& c) {
    return c.action->window && !in_window(*c.action->window, now);
  };
  if (std::all_of(candidates.begin(), candidates.end(), closed)) {
    const Choice& open = candidates.front();
    return refusal(Refusal::Code::OutsideWindow,
                   quoted(open.action->name) + " can be taken only from " +
                       window_text(*open.action->window) + " (Korean time); today is " +
                       korean_month_day(now));
  }

  std::erase_if(candidates, closed);
  Draft draft(def, instance, now, out);
  draft.org = who.organisation;
  const ActionDef* setter = candidates.front().action;
  // In the start state the drafter's fields may be set too (a returned draft is corrected).
  thread_local std::vector<Index> drafter, settable;
  drafter.clear();
  if (!request.set.empty() && instance.state == def.start) drafter = drafter_fields(def);
  if (!request.set.empty()) {
    std::erase_if(candidates, [&](const Choice& c) {
      return !settable_all(def, *c.action, request.set, drafter);
    });
    if (!candidates.empty()) setter = candidates.front().action;
  }
  // An action that keeps the item where it is and only records values, given neither a value
  // nor a comment, would write an event that records nothing.
  if (request.set.empty() && trim(request.comment).empty() &&
      std::all_of(candidates.begin(), candidates.end(), [](const Choice& c) {
        return c.action->target_kind == ActionDef::Target::Stay && !c.action->sets.empty();
      })) {
    std::vector<std::string> names;
    for (const Index f : setter->sets) names.push_back(def.fields[f].name);
    return refusal(Refusal::Code::MissingField,
                   quoted(setter->name) + " records values and was given nothing to record: " +
                       "give a value of " + join(names, ", ") + " or a comment");
  }
  settable = setter->sets;
  for (const Index f : drafter) {
    if (!contains(settable, f)) settable.push_back(f);
  }
  if (instance.state == def.start && !request.set.empty()) {
    for (const Assignment& a : request.set) {
      const Index f = def.field_index(a.field);
      if (f != kNone && !contains(settable, f))
        return refusal(Refusal::Code::NotSettable, not_drafters_text(def, f, drafter));
    }
  }
  if (auto r = assign(draft, request.set, &settable, setter->name)) return r;
  draft.recompute();

  auto choice = choose(draft, candidates, request.comment, true);
  if (!choice) return std::move(choice.error());
  assign_text(draft.event.actor, who.user);
  assign_text(draft.event.on_behalf_of, *(*choice)->on_behalf_of);
  assign_text(draft.event.comment, request.comment);
  if (auto r = take_action(draft, *(*choice)->action, who.user)) return r;
  finish_into(draft);
  return std::nullopt;
}

}  // namespace dojang::engine::detail
