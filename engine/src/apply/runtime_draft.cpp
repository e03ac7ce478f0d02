// The step being built, and what every accepted step gets: one history event with the next
// revision, the fields that changed, the notes, notifications and the roles now waited for.

#include <algorithm>

#include "apply/runtime_detail.hpp"

namespace dojang::engine::detail {

namespace {

// By name, without repeats, into `roles` (earlier content overwritten, its strings reused). The
// role indices are gathered first (on the stack for the usual few), so that only the names that
// stay are copied and no string is compared for a single role.
// Who, by name, the item waits for besides the roles: "user:ID" for its drafter, in place of the
// roles, while it is a draft only they work on, and for the actions `by submitter`.
void waiting_people(const Definition& def, const StateDef& state, const Instance& in,
                    std::vector<std::string>& roles) {
  if (in.submitter.empty() || in.submitter == kSystem) return;
  const bool by_submitter =
      std::any_of(state.actions.begin(), state.actions.end(),
                  [](const ActionDef& a) { return a.by.kind == Actor::Kind::Submitter; });
  if (owner_only(def, in)) {
    roles.clear();
  } else if (!by_submitter) {
    return;
  }
  roles.push_back(std::string(kWaitingPerson).append(in.submitter));
}

void waiting_roles(const Definition& def, const StateDef& state, std::vector<std::string>& roles) {
  constexpr std::size_t kFew = 16;
  Index few[kFew];
  std::vector<Index> many;
  std::size_t n = 0;
  auto add = [&](Index role) {
    if (role >= def.roles.size()) return;
    if (std::find(few, few + std::min(n, kFew), role) != few + std::min(n, kFew)) return;
    if (n < kFew) {
      few[n] = role;
    } else if (std::find(many.begin(), many.end(), role) == many.end()) {
      many.push_back(role);
    } else {
      return;
    }
    ++n;
  };
  for (const ActionDef& a : state.actions) {
    if (a.by.kind == Actor::Kind::Role) add(a.by.role);
  }
  if (state.review) add(state.review->role);
  roles.resize(n);
  for (std::size_t i = 0; i < std::min(n, kFew); ++i) roles[i] = def.roles[few[i]].name;
  for (std::size_t i = kFew; i < n; ++i) roles[i] = def.roles[many[i - kFew]].name;
  if (roles.size() > 1) {
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());  // same-named roles
  }
}

// What else waits besides the roles' names: ROLE@UNIT for a role held in units (the item's unit,
// and the units above it for `in unit and below`), head@UNIT for a head of a unit, user:ID for a
// person field. Added to `roles`, which stays sorted and without repeats.
void waiting_in_units(const Draft& draft, const StateDef& state, std::vector<std::string>& roles) {
  const Definition& def = draft.def;
  const Instance& in = draft.after;
  const std::size_t before = roles.size();
  auto role = [&](Index r) {
    if (r >= def.roles.size() || in.unit.empty()) return;
    const RoleDef& rd = def.roles[r];
    if (rd.scope == RoleDef::Scope::Office) return;
    roles.push_back(rd.name + "@" + in.unit);
    if (rd.scope != RoleDef::Scope::UnitAndBelow || draft.org == nullptr) return;
    const Unit* u = draft.org->find(in.unit);
    u = u != nullptr ? draft.org->parent(*u) : nullptr;
    for (int depth = 0; u != nullptr && depth < Organisation::kMaxDepth; ++depth) {
      roles.push_back(rd.name + "@" + u->id);
      u = draft.org->parent(*u);
    }
  };
  for (const ActionDef& a : state.actions) {
    switch (a.by.kind) {
      case Actor::Kind::Role:
        role(a.by.role);
        break;
      case Actor::Kind::Head:
        if (const Unit* u = head_unit(draft.org, in, a.by.of)) roles.push_back("head@" + u->id);
        break;
      case Actor::Kind::Person:
        if (const std::string* p = named_person(def, in, a.by))
          roles.push_back(std::string(kWaitingPerson).append(*p));
        break;
      case Actor::Kind::Submitter:
      case Actor::Kind::Anyone:
        break;
    }
  }
  if (state.review) role(state.review->role);
  if (roles.size() == before) return;
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
}

// `name` of the state, or "" for none, assigned into `out` (its buffer reused).
void assign_state_name(const Definition& def, Index state, std::string& out) {
  if (state < def.states.size()) {
    assign_text(out, def.states[state].name);
  } else {
    out.clear();
  }
}

// Whether a field kept its value (`old` null: the field did not exist, i.e. null). Numbers, the
// usual case, are compared without going through the variant.
bool same_value(const Value* old, const Value& now) {
  if (old == nullptr) return now.is_null();
  const double* a = old->as_number();
  const double* b = now.as_number();
  if (a != nullptr && b != nullptr) return *a == *b;
  return *old == now;
}

// Empties a reused Step for the next request, keeping its buffers; the instance becomes a copy
// of `original` with the recall window closed (any accepted event closes it; an action may
// reopen it).
// reset() copies an Instance member by member: a member added to Instance must be copied there.
static_assert(sizeof(void*) != 8 || sizeof(Instance) == 360,
              "Instance changed: copy its new member in reset(), then update this size");

void reset(Step& step, const Definition& def, const Instance& original, Date at) {
  Instance& in = step.instance;
  // Member by member, so that the texts a reused Step mostly has already (the same procedure,
  // submitter, often the same item) are compared rather than copied again.
  assign_text(in.id, original.id);
  assign_text(in.workflow, original.workflow);
  in.version = original.version;
  in.state = original.state;
  in.slots = original.slots;
  in.reviews = original.reviews;
  in.revision = original.revision;
  assign_text(in.submitter, original.submitter);
  assign_text(in.unit, original.unit);
  assign_text(in.drafted_in, original.drafted_in);
  in.trail = original.trail;
  in.recall.reset();
  in.timers = original.timers;
  in.created_at = original.created_at;
  in.updated_at = original.updated_at;
  in.withdrawn = original.withdrawn;
  in.reminders = original.reminders;
  if (in.slots.size() != def.slot_count) in.slots.resize(def.slot_count);
  HistoryEvent& e = step.event;
  e.seq = 0;
  e.reminder = 0;  // kind, action, actor, on_behalf_of, comment: set by every processor
  assign_state_name(def, original.state, e.from);
  e.to.clear();
  e.route.clear();
  e.changes.clear();
  e.notes.clear();
  e.at = at;
  step.notifications.clear();  // waiting_roles: set by finish_into, reusing its strings
  step.starts.clear();
  step.final = false;
}

}  // namespace

Draft::Draft(const Definition& definition, const Instance& original, Date at)
    : m_own(std::in_place),
      def(definition),
      before(original),
      now(at),
      step(*m_own),
      after(step.instance),
      event(step.event),
      notes(step.event.notes) {
  reset(step, def, original, at);
}

Draft::Draft(const Definition& definition, const Instance& original, Date at, Step& into)
    : def(definition),
      before(original),
      now(at),
      step(into),
      after(into.instance),
      event(into.event),
      notes(into.event.notes) {
  reset(step, def, original, at);
}

void Draft::note(std::string text) {
  if (std::find(notes.begin(), notes.end(), text) == notes.end()) notes.push_back(std::move(text));
}

namespace {

// Who hears of a `notify`: the holders of a role in its scope, a unit's head, one person.
std::vector<std::string> recipients(const Draft& draft, const Actor& to) {
  const Definition& def = draft.def;
  const Instance& in = draft.after;
  const std::string person(kWaitingPerson);
  switch (to.kind) {
    case Actor::Kind::Role: {
      if (to.role >= def.roles.size()) return {};
      const RoleDef& r = def.roles[to.role];
      if (r.scope == RoleDef::Scope::Office) return {r.name};
      // In-unit roles: their holders in the item's unit (and above it, for `and below`); never
      // every holder in the office. An item without a unit tells the office-wide holders.
      if (in.unit.empty()) return {r.name};
      std::vector<std::string> out{r.name + "@" + in.unit};
      if (r.scope == RoleDef::Scope::UnitAndBelow && draft.org != nullptr) {
        const Unit* u = draft.org->find(in.unit);
        u = u != nullptr ? draft.org->parent(*u) : nullptr;
        for (int depth = 0; u != nullptr && depth < Organisation::kMaxDepth; ++depth) {
          out.push_back(r.name + "@" + u->id);
          u = draft.org->parent(*u);
        }
      }
      return out;
    }
    case Actor::Kind::Submitter:
      if (in.submitter.empty() || in.submitter == kSystem) return {};
      return {person + in.submitter};
    case Actor::Kind::Head: {
      const Unit* u = head_unit(draft.org, in, to.of);
      if (u == nullptr) return {};
      return {person + u->head};
    }
    case Actor::Kind::Person: {
      const std::string* p = named_person(def, in, to);
      if (p == nullptr) return {};
      return {person + *p};
    }
    case Actor::Kind::Anyone:
      return {};
  }
  return {};
}

}  // namespace

Step finish(Draft& draft) {
  finish_into(draft);
  return std::move(draft.step);
}

void finish_into(Draft& draft) {
  const Definition& def = draft.def;
  Instance& after = draft.after;
  Step& step = draft.step;
  draft.recompute();
  if (def.unit_field < def.fields.size()) {
    // `unit from FIELD`: the item belongs to the unit chosen in the field, once chosen.
    const Index slot = def.fields[def.unit_field].slot;
    const std::string* chosen = slot < after.slots.size() ? after.slots[slot].as_text() : nullptr;
    assign_text(after.unit, chosen != nullptr && !chosen->empty() ? *chosen : after.drafted_in);
  }
  if (draft.reminder) {
    // No revision: the item is as it was, but for the timer that fired (see HistoryEvent).
    after.revision = draft.before.revision;
    after.updated_at = draft.before.updated_at;
    after.recall = draft.before.recall;
    after.reminders = draft.before.reminders + 1;
    draft.event.reminder = after.reminders;
  } else {
    after.revision = draft.before.revision + 1;
    after.updated_at = draft.now;
  }

  if (!draft.starts.empty()) step.starts = start_orders(draft);  // before the notes are taken
  HistoryEvent& event = draft.event;
  event.seq = after.revision;
  event.at = draft.now;
  assign_state_name(def, after.state, event.to);
  const std::vector<Value>& was = draft.before.slots;
  for (const FieldDef& f : def.fields) {
    if (f.slot >= after.slots.size()) continue;
    const Value& now = after.slots[f.slot];
    if (!same_value(f.slot < was.size() ? &was[f.slot] : nullptr, now))
      event.changes.emplace_back(f.name, now);
  }
  for (const EvalNote& n : draft.eval_notes) draft.note(n.message);
  for (const NotifyDef* n : draft.notify) {
    std::vector<std::string> to = recipients(draft, n->to);
    if (to.empty()) continue;  // nobody to tell: no head above, an empty person field
    const std::string message = fill_message(def, after, n->message, draft.org);
    for (std::string& r : to) step.notifications.push_back({std::move(r), message});
  }
  if (std::optional<Notification> back = returned_notice(def, draft.before, after, event)) {
    const bool told = std::any_of(step.notifications.begin(), step.notifications.end(),
                                  [&](const Notification& n) { return n.role == back->role; });
    if (!told) step.notifications.push_back(std::move(*back));
  }
  const StateDef& state = def.states[after.state];
  step.final = state.kind == StateKind::Final || after.withdrawn;
  if (step.final) {
    after.timers.clear();
    after.recall.reset();
    step.waiting_roles.clear();
  } else {
    waiting_roles(def, state, step.waiting_roles);
    waiting_in_units(draft, state, step.waiting_roles);
    waiting_people(def, state, after, step.waiting_roles);
  }
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
  if (instance.withdrawn) {
    return Refusal{Refusal::Code::AlreadyFinal,
                   "the item was withdrawn by its drafter; nothing more can be done"};
  }
  if (def.states[instance.state].kind == StateKind::Final) {
    return Refusal{Refusal::Code::AlreadyFinal, "the item is already finished: it is in " +
                                                    state_text(def, instance.state) +
                                                    ", where nothing more can be done"};
  }
  return check_revision(instance, request);
}

}  // namespace dojang::engine::detail
