// Start, act, review, recall: who asks, the item and its pinned procedure version,
// engine::apply, one commit, then the starts of other procedures that the step ordered.
// Idempotency: a key seen before returns the first result again and changes nothing.

#include <algorithm>

#include "child_starts.hpp"
#include "dojang/base/sha256.hpp"
#include "state.hpp"

namespace dojang::app {
namespace {

using engine::Request;

// The action name a history event of this request carries.
std::string event_action(const RequestInput& input) {
  switch (input.request.kind) {
    case Request::Kind::Start:
      return "start";
    case Request::Kind::Review:
      return "review";
    case Request::Kind::Recall:
      return "recall";
    default:
      return input.request.action;
  }
}

// What makes two requests the same request: who asks what of which item, with which values,
// comment and revision (the order of the values aside). Kept with the key.
std::string fingerprint(const RequestInput& input) {
  std::string text;
  auto add = [&](const std::string& part) { text += std::to_string(part.size()) + ":" + part; };
  add(event_action(input));
  add(input.request.kind == Request::Kind::Start ? input.workflow : input.instance);
  add(input.user);
  std::vector<engine::Assignment> set = input.request.set;
  std::ranges::sort(set, [](const engine::Assignment& a, const engine::Assignment& b) {
    return a.field != b.field ? a.field < b.field : a.text < b.text;
  });
  for (const engine::Assignment& a : set) {
    add(a.field);
    add(a.text);
  }
  add(input.request.comment);
  add(input.request.expected_revision ? std::to_string(*input.request.expected_revision) : "-");
  return base::sha256_hex(text);
}

// A key seen before: the first result again, when it was for the same request.
Result<RequestResult> replay(State& state, const RequestInput& input,
                             const store::IdempotentHit& hit) {
  auto instance = state.instance(hit.instance);
  if (!instance) return std::unexpected(instance.error());
  const bool same_item = input.request.kind == Request::Kind::Start
                             ? instance->workflow == input.workflow
                             : hit.instance == input.instance;
  const bool same_action = same_item && hit.event.action == event_action(input);
  // A key kept before fingerprints were has none: the item and the action decide then.
  const bool same_values = hit.fingerprint.empty() || hit.fingerprint == fingerprint(input);
  if (!same_action || !same_values) {
    return std::unexpected(Error{Error::Kind::Conflict,
                                 "key_reused",
                                 "the key '" + input.key + "' was already used for '" +
                                     hit.event.action + "' on " + hit.instance +
                                     (same_action ? " with other values" : "") +
                                     "; use a new key for a new request",
                                 {}});
  }
  auto procedure = state.procedure(instance->workflow, instance->version);
  if (!procedure) return std::unexpected(procedure.error());
  RequestResult out;
  out.definition = procedure->definition;
  out.id = hit.instance;
  out.event = hit.event;
  out.replayed = true;
  return out;
}

// The first result under the key; nullopt when the key is new (or there is none).
std::optional<Result<RequestResult>> replay_if_known(State& state, const RequestInput& input) {
  if (input.key.empty()) return std::nullopt;
  auto hit = state.store().find_idempotency_key(input.key);
  if (!hit) return std::unexpected(from_store(hit.error()));
  if (!*hit) return std::nullopt;
  return replay(state, input, **hit);
}

Error conflict(State& state, const engine::Instance& ours) {
  std::int64_t revision = ours.revision;
  if (auto now = state.store().instance(ours.id)) revision = now->revision;
  return Error{Error::Kind::Conflict,
               "conflict",
               "the item changed while you were acting (revision " + std::to_string(revision) +
                   "); reload and try again",
               {}};
}

// A `person` field given someone the directory does not know: refused like a bad value.
std::optional<Error> unknown_person(State& state, const engine::Definition& def,
                                    const Request& request) {
  for (const engine::Assignment& a : request.set) {
    const engine::Index f = def.field_index(a.field);
    if (f == engine::kNone || def.fields[f].type.kind != engine::FieldKind::Person) continue;
    std::string id = a.text;
    id.erase(0, id.find_first_not_of(" \t"));
    id.erase(id.find_last_not_of(" \t") + 1);
    if (id.empty()) continue;  // clears the field
    auto known = state.store().has_person(id);
    if (!known) return from_store(known.error());
    if (!*known) {
      const engine::FieldDef& field = def.fields[f];
      return from_refusal({engine::Refusal::Code::BadValue,
                           "'" + field.label + "' needs a person of the directory; '" + id +
                               "' is nobody there"});
    }
  }
  return std::nullopt;
}

}  // namespace

Result<RequestResult> App::request(const RequestInput& input) {
  State& state = *m;
  state.begin();
  if (auto done = replay_if_known(state, input)) return *done;

  auto who = state.principal(input.user);
  if (!who) return std::unexpected(who.error());

  engine::Instance before;
  Request request = input.request;
  std::optional<Procedure> procedure;
  if (request.kind == Request::Kind::Start) {
    auto latest = state.procedure(input.workflow, std::nullopt);
    if (!latest) return std::unexpected(latest.error());
    procedure = *latest;
  } else {
    auto found = state.instance(input.instance);
    if (!found) return std::unexpected(found.error());
    before = std::move(*found);
    auto pinned = state.procedure(before.workflow, before.version);
    if (!pinned) return std::unexpected(pinned.error());
    procedure = *pinned;
  }
  const engine::Definition& def = *procedure->definition;
  if (auto stranger = unknown_person(state, def, request)) return std::unexpected(*stranger);

  auto refused = [&](const engine::Refusal& refusal) -> Result<RequestResult> {
    // The same key may have been used meanwhile by a process that got there first (which is
    // why the item no longer allows the request): its result is the result.
    if (auto done = replay_if_known(state, input)) return *done;
    return std::unexpected(from_refusal(refusal));
  };
  if (request.kind == Request::Kind::Start) {
    // A start that would be refused takes no item number: apply it first with a stand-in id, and
    // take the number only when the engine accepts it.
    request.new_id = input.workflow + "-0";
    engine::Outcome trial = engine::apply(def, before, request, *who, state.now);
    if (!trial) return refused(trial.error());
    auto id = state.store().next_instance_id(input.workflow);
    if (!id) return std::unexpected(from_store(id.error()));
    request.new_id = *id;
  }
  engine::Outcome outcome = engine::apply(def, before, request, *who, state.now);
  if (!outcome) return refused(outcome.error());
  engine::Step& step = *outcome;
  step.instance.version = procedure->version;  // the version it is pinned to

  auto committed =
      state.store().commit(step, input.key, input.key.empty() ? "" : fingerprint(input));
  if (!committed) {
    using C = store::Error::Code;
    const C code = committed.error().code;
    if ((code == C::Conflict || code == C::Duplicate) && !input.key.empty()) {
      // Another process with the same key got there first: its result is the result.
      if (auto done = replay_if_known(state, input)) return *done;
    }
    if (code == C::Conflict) return std::unexpected(conflict(state, before));
    return std::unexpected(from_store(committed.error()));
  }
  RequestResult out;
  out.definition = procedure->definition;
  out.id = step.instance.id;
  out.event = step.event;
  out.notifications = step.notifications;
  // The items this step starts (`start WORKFLOW with ...`), now that its orders are stored.
  if (!step.starts.empty()) out.started = start_children(state, step.instance.id);
  out.instance = std::move(step.instance);
  return out;
}

}  // namespace dojang::app
