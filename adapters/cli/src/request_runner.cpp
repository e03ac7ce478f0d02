#include "request_runner.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "child_starts.hpp"
#include "instance_view.hpp"
#include "io.hpp"
#include "report.hpp"
#include "runtime_session.hpp"

namespace dojang::cli {
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

void print_result(const engine::Definition& def, const RequestInput& input, const std::string& id,
                  const engine::HistoryEvent& event,
                  const std::vector<engine::Notification>& notifications,
                  const engine::Instance* after, bool replayed,
                  const std::vector<ChildStart>& started, const GlobalOptions& global) {
  if (global.json) {
    boost::json::object doc;
    doc["ok"] = true;
    doc["replayed"] = replayed;
    doc["id"] = id;
    doc["state"] = event.to;
    doc["state_label"] = state_label(def, event.to);
    doc["revision"] = event.seq;
    if (after != nullptr) doc["instance"] = instance_json(def, *after);
    doc["event"] = event_json(def, event);
    boost::json::array notes;
    for (const engine::Notification& n : notifications) notes.push_back(notification_json(def, n));
    doc["notifications"] = std::move(notes);
    boost::json::array children;
    for (const ChildStart& c : started) children.push_back(child_json(c));
    doc["started"] = std::move(children);
    print_json(doc);
    return;
  }
  if (input.request.kind == Request::Kind::Start) {
    print_out(id + "\n");
  } else {
    print_out(outcome_line(def, id, event.to, event.seq) + "\n");
  }
  for (const engine::Notification& n : notifications) print_out(notification_line(def, n) + "\n");
  for (const ChildStart& c : started) {
    if (c.ok()) {
      print_out(child_line(c) + "\n");
    } else {
      print_err(child_line(c) + "\n");
    }
  }
  if (replayed) {
    print_out("  (key '" + input.key + "' was used before: this is its first result; nothing " +
              "changed)\n");
  }
}

// A key seen before: the first result again, when it was for the same request.
ExitCode replay(Session& session, const RequestInput& input, const store::IdempotentHit& hit,
                const GlobalOptions& global) {
  auto instance = session.instance(hit.instance);
  if (!instance) return report(instance.error(), global);
  const bool same_item = input.request.kind == Request::Kind::Start
                             ? instance->workflow == input.workflow
                             : hit.instance == input.instance;
  if (!same_item || hit.event.action != event_action(input)) {
    return report(Failure{ExitCode::CheckFailed, "key_reused",
                          "the key '" + input.key + "' was already used for '" + hit.event.action +
                              "' on " + hit.instance + "; use a new key for a new request"},
                  global);
  }
  auto procedure = session.procedure(instance->workflow, instance->version);
  if (!procedure) return report(procedure.error(), global);
  print_result(*procedure->definition, input, hit.instance, hit.event, {}, nullptr, true, {},
               global);
  return ExitCode::Ok;
}

// Looks the key up; nullopt when it is new (or there is none).
std::optional<ExitCode> replay_if_known(Session& session, const RequestInput& input,
                                        const GlobalOptions& global) {
  if (input.key.empty()) return std::nullopt;
  auto hit = session.store().find_idempotency_key(input.key);
  if (!hit) return report(store_failure(hit.error()), global);
  if (!*hit) return std::nullopt;
  return replay(session, input, **hit, global);
}

ExitCode conflict(Session& session, const engine::Instance& ours, const GlobalOptions& global) {
  std::int64_t revision = ours.revision;
  if (auto now = session.store().instance(ours.id)) revision = now->revision;
  return report(Failure{ExitCode::CheckFailed, "conflict",
                        "the item changed while you were acting (revision " +
                            std::to_string(revision) + "); reload and try again"},
                global);
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

ExitCode run_request(const RequestInput& input, const GlobalOptions& global) {
  auto opened = Session::open(global);
  if (!opened) return report(opened.error(), global);
  Session& session = *opened;
  if (auto done = replay_if_known(session, input, global)) return *done;

  auto who = session.principal(input.user);
  if (!who) return report(who.error(), global);

  engine::Instance before;
  Request request = input.request;
  std::optional<Procedure> procedure;
  if (request.kind == Request::Kind::Start) {
    auto latest = session.procedure(input.workflow, std::nullopt);
    if (!latest) return report(latest.error(), global);
    procedure = *latest;
    auto id = session.store().next_instance_id(input.workflow);
    if (!id) return report(store_failure(id.error()), global);
    request.new_id = *id;
  } else {
    auto found = session.instance(input.instance);
    if (!found) return report(found.error(), global);
    before = std::move(*found);
    auto pinned = session.procedure(before.workflow, before.version);
    if (!pinned) return report(pinned.error(), global);
    procedure = *pinned;
  }
  const engine::Definition& def = *procedure->definition;

  engine::Outcome outcome = engine::apply(def, before, request, *who, session.now());
  if (!outcome) {
    // The same key may have been used meanwhile by a process that got there first (which is
    // why the item no longer allows the request): its result is the result.
    if (!input.key.empty()) {
      if (auto done = replay_if_known(session, input, global)) return *done;
    }
    return report(refusal_failure(outcome.error()), global);
  }
  engine::Step& step = *outcome;
  step.instance.version = procedure->version;  // the version it is pinned to

  auto committed = session.store().commit(step, input.key);
  if (!committed) {
    using C = store::Error::Code;
    const C code = committed.error().code;
    if ((code == C::Conflict || code == C::Duplicate) && !input.key.empty()) {
      // Another process with the same key got there first: its result is the result.
      if (auto done = replay_if_known(session, input, global)) return *done;
    }
    if (code == C::Conflict) return conflict(session, before, global);
    return report(store_failure(committed.error()), global);
  }
  // The items this step starts (`start WORKFLOW with ...`), now that its orders are stored.
  const std::vector<ChildStart> started =
      step.starts.empty() ? std::vector<ChildStart>{} : start_children(session, step.instance.id);
  print_result(def, input, step.instance.id, step.event, step.notifications, &step.instance, false,
               started, global);
  return ExitCode::Ok;
}

}  // namespace dojang::cli
