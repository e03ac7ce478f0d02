#include "child_starts.hpp"

#include <cstdint>
#include <expected>

#include "dojang/engine/runtime.hpp"

namespace dojang::app {
namespace {

constexpr int kBatch = 1000;  // orders carried out per call at most

// A value as the engine reads typed-in text for a field (null: not given at all).
std::optional<std::string> typed_text(const engine::Value& value) {
  if (value.is_null()) return std::nullopt;
  if (const std::string* text = value.as_text()) return *text;
  if (value.as_date() != nullptr) return engine::to_string(value).substr(0, 10);  // YYYY-MM-DD
  return engine::to_string(value);  // numbers, true/false
}

// "민원 complaint-3의 사건 4에서 시작": the parent's procedure label, its id and the event.
std::string history_comment(State& session, const store::StartOrderRow& row) {
  std::string label;
  if (auto parent = session.store().instance(row.instance)) {
    label = parent->workflow;
    if (auto procedure = session.procedure(parent->workflow, parent->version)) {
      if (!procedure->definition->label.empty()) label = procedure->definition->label;
    }
  }
  return (label.empty() ? "" : label + " ") + row.instance + "의 사건 " + std::to_string(row.seq) +
         "에서 시작";
}

// The item a key already started, if any.
std::expected<std::optional<std::string>, std::string> started_by(State& session,
                                                                  const std::string& key) {
  auto hit = session.store().find_idempotency_key(key);
  if (!hit) return std::unexpected(hit.error().message);
  if (!*hit) return std::optional<std::string>();
  return std::optional<std::string>((*hit)->instance);
}

// The idempotency key of an order: "start:PARENT:SEQ:N".
std::string child_key(const std::string& parent, std::int64_t seq, int n) {
  return "start:" + parent + ":" + std::to_string(seq) + ":" + std::to_string(n);
}

ChildStart carry_out(State& session, const store::StartOrderRow& row) {
  ChildStart out{row.instance, row.seq, row.n, row.order.workflow, "", "", ""};
  auto fail = [&](std::string why) {
    out.id.clear();
    out.message = std::move(why);
    return out;
  };
  auto mark = [&](const std::string& id) {
    auto marked = session.store().mark_started(row.instance, row.seq, row.n, id);
    if (!marked) return fail(marked.error().message);
    out.id = id;
    return out;
  };
  const std::string key = child_key(row.instance, row.seq, row.n);
  auto procedure = session.procedure(row.order.workflow, std::nullopt);
  if (procedure) out.label = procedure->definition->label;
  // Started before, and the order not marked (a crash in between): the key names the item.
  auto earlier = started_by(session, key);
  if (!earlier) return fail(earlier.error());
  if (*earlier) return mark(**earlier);
  if (!procedure) return fail(procedure.error().message);
  const engine::Definition& def = *procedure->definition;

  engine::Request request;
  request.kind = engine::Request::Kind::Start;
  for (const auto& [field, value] : row.order.values) {
    if (auto text = typed_text(value)) request.set.push_back({field, *text});
  }
  request.comment = history_comment(session, row);
  auto id = session.store().next_instance_id(row.order.workflow);
  if (!id) return fail(id.error().message);
  request.new_id = *id;
  // The system starts it, in the unit of the item that ordered it: the roles of the start state
  // matter from its first action on.
  auto parent_item = session.instance(row.instance);
  if (!parent_item) return fail(parent_item.error().message);
  auto system = session.system(parent_item->unit);
  if (!system) return fail(system.error().message);
  engine::Outcome outcome = engine::apply(def, engine::Instance{}, request, *system, session.now);
  if (!outcome) return fail(outcome.error().message);
  outcome->instance.version = procedure->version;
  auto committed = session.store().commit(*outcome, key);
  if (!committed) {
    using C = store::Error::Code;
    if (committed.error().code == C::Duplicate || committed.error().code == C::Conflict) {
      // Another process carried the order out first: its item is the item.
      auto first = started_by(session, key);
      if (first && *first) return mark(**first);
    }
    return fail(committed.error().message);
  }
  return mark(outcome->instance.id);
}

}  // namespace

std::vector<ChildStart> start_children(State& session, const std::optional<std::string>& parent) {
  std::vector<ChildStart> out;
  auto pending = session.store().pending_starts(parent, kBatch);
  if (!pending) {
    ChildStart failed;
    failed.parent = parent.value_or("");
    failed.message =
        "the orders to start other procedures cannot be read: " + pending.error().message;
    out.push_back(std::move(failed));
    return out;
  }
  for (const store::StartOrderRow& row : *pending) out.push_back(carry_out(session, row));
  return out;
}

}  // namespace dojang::app
