// Folding a history into the state, fields, revision and times it describes (replay.hpp).

#include "dojang/engine/replay.hpp"

#include <string_view>

namespace dojang::engine {

namespace {
constexpr std::string_view kReviewPrefix = "review.";  // apply_review.cpp
}  // namespace

std::expected<Folded, std::string> fold_history(const Definition& definition,
                                                std::span<const HistoryEvent> events) {
  if (events.empty()) return std::unexpected(std::string("the history has no event"));
  Folded out;
  out.fields.resize(definition.fields.size());
  std::string at;  // the name of the state the item is in so far ("" before the start)
  for (const HistoryEvent& ev : events) {
    if (ev.reminder != 0) {
      // A reminder is no revision: it is sent at the revision of the event before it, and
      // leaves the item where it is, its fields and its times as they were.
      const std::string where = "reminder " + std::to_string(ev.reminder);
      if (ev.seq != out.revision || ev.reminder != out.reminders + 1) {
        return std::unexpected(where + " at event " + std::to_string(ev.seq) +
                               " comes after event " + std::to_string(out.revision) +
                               " and reminder " + std::to_string(out.reminders) +
                               ": the history has a gap or is out of order");
      }
      if (ev.from != at || ev.to != at || !ev.changes.empty()) {
        return std::unexpected(where +
                               " moves the item or sets a field, which a reminder does "
                               "not do");
      }
      out.reminders = ev.reminder;
      continue;
    }
    const std::string where = "event " + std::to_string(ev.seq);
    if (ev.seq != out.revision + 1) {
      return std::unexpected(where + " comes after event " + std::to_string(out.revision) +
                             ": the history has a gap or is out of order");
    }
    if (ev.from != at) {
      return std::unexpected(where + " leaves '" + ev.from + "', but the item was in '" + at + "'");
    }
    const Index state = definition.state_index(ev.to);
    if (state == kNone) {
      return std::unexpected(where + " goes to '" + ev.to + "', which procedure '" +
                             definition.name + "' does not have");
    }
    for (const auto& [name, value] : ev.changes) {
      // A review event records the reviewer's scores as "review.CRITERION" and "review.vote":
      // they belong to the review round, not to a field.
      if (std::string_view(name).starts_with(kReviewPrefix)) continue;
      const Index field = definition.field_index(name);
      if (field == kNone) {
        return std::unexpected(where + " sets '" + name + "', which is not a field of '" +
                               definition.name + "'");
      }
      out.fields[field] = value;
    }
    if (ev.seq == 1) out.created_at = ev.at;
    out.updated_at = ev.at;
    out.revision = ev.seq;
    out.state = state;
    at = ev.to;
  }
  return out;
}

std::vector<Value> field_values(const Definition& definition, const Instance& instance) {
  std::vector<Value> out;
  out.reserve(definition.fields.size());
  for (const FieldDef& f : definition.fields) {
    out.push_back(f.slot < instance.slots.size() ? instance.slots[f.slot] : Value{});
  }
  return out;
}

}  // namespace dojang::engine
