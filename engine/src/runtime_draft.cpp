// The step being built, and what every accepted step gets: one history event with the next
// revision, the fields that changed, the notes, notifications and the roles now waited for.

#include <algorithm>

#include "runtime_detail.hpp"

namespace dojang::engine::detail {

namespace {

std::string state_name(const Definition& def, Index state) {
  return state < def.states.size() ? def.states[state].name : std::string();
}

std::vector<std::string> waiting_roles(const Definition& def, const StateDef& state) {
  std::vector<std::string> roles;
  auto add = [&](Index role) {
    if (role < def.roles.size()) roles.push_back(def.roles[role].name);
  };
  for (const ActionDef& a : state.actions) {
    if (a.by.kind == Actor::Kind::Role) add(a.by.role);
  }
  if (state.review) add(state.review->role);
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  return roles;
}

}  // namespace

Draft::Draft(const Definition& definition, const Instance& original, Date at)
    : def(definition), before(original), now(at), after(original) {
  after.recall.reset();  // any accepted event closes the recall window; an action may reopen it
  if (after.slots.size() != def.slot_count) after.slots.resize(def.slot_count);
  event.from = state_name(def, original.state);
  event.at = at;
}

Env Draft::env() {
  Env e;
  e.slots = after.slots;
  e.reviews = after.reviews;
  e.now = now;
  e.notes = &eval_notes;
  return e;
}

void Draft::recompute() {
  engine::recompute(def, after, now, &eval_notes);
}

void Draft::note(std::string text) {
  if (std::find(notes.begin(), notes.end(), text) == notes.end()) notes.push_back(std::move(text));
}

Step finish(Draft& draft) {
  const Definition& def = draft.def;
  Instance& after = draft.after;
  draft.recompute();
  after.revision = draft.before.revision + 1;
  after.updated_at = draft.now;

  Step step;
  step.event = std::move(draft.event);
  step.event.seq = after.revision;
  step.event.at = draft.now;
  step.event.to = state_name(def, after.state);
  for (const FieldDef& f : def.fields) {
    if (f.slot >= after.slots.size()) continue;
    const Value none;
    const Value& old = f.slot < draft.before.slots.size() ? draft.before.slots[f.slot] : none;
    if (!(old == after.slots[f.slot])) step.event.changes.emplace_back(f.name, after.slots[f.slot]);
  }
  for (const EvalNote& n : draft.eval_notes) draft.note(n.message);
  step.event.notes = std::move(draft.notes);
  for (const NotifyDef* n : draft.notify) {
    const std::string role = n->role < def.roles.size() ? def.roles[n->role].name : std::string();
    step.notifications.push_back({role, fill_message(def, after, n->message)});
  }
  const StateDef& state = def.states[after.state];
  step.final = state.kind == StateKind::Final;
  if (step.final) {
    after.timers.clear();
    after.recall.reset();
  } else {
    step.waiting_roles = waiting_roles(def, state);
  }
  step.instance = std::move(after);
  return step;
}

std::optional<Refusal> check_revision(const Instance& instance, const Request& request) {
  if (!request.expected_revision || *request.expected_revision == instance.revision)
    return std::nullopt;
  return Refusal{Refusal::Code::StaleRevision,
                 "the item has changed since you loaded it (revision " +
                     std::to_string(*request.expected_revision) + ", now " +
                     std::to_string(instance.revision) + "); look at it again and retry"};
}

std::optional<Refusal> check_open(const Definition& def, const Instance& instance,
                                  const Request& request) {
  if (instance.state >= def.states.size()) {
    return Refusal{Refusal::Code::UnknownAction,
                   "the item is in a state that procedure '" + def.name +
                       "' does not have; it may belong to another version"};
  }
  if (def.states[instance.state].kind == StateKind::Final) {
    return Refusal{Refusal::Code::AlreadyFinal, "the item is already finished: it is in " +
                                                    state_text(def, instance.state) +
                                                    ", where nothing more can be done"};
  }
  return check_revision(instance, request);
}

}  // namespace dojang::engine::detail
