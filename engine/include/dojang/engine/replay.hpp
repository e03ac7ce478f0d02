#pragma once
// Replay: what the history of an instance says about it, folded event by event. The events of
// an instance are the whole record of how it moved: its state, its fields, its revision and its
// times follow from them alone (audit, and a check of the stored instance against its history).
// Reviews, the trail, the recall window and timers are not in the events, nor are derived values
// (a `let` may read reviews), so they are not part of the result.

#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <vector>

#include "dojang/engine/definition.hpp"
#include "dojang/engine/runtime.hpp"

namespace dojang::engine {

struct Folded {
  Index state = kNone;         // the `to` of the last event
  std::vector<Value> fields;   // by Definition::fields order; null when no event set it
  std::int64_t revision = 0;   // the seq of the last event
  std::int64_t reminders = 0;  // the reminders among the events (HistoryEvent::reminder)
  Date created_at;             // the first event's time
  Date updated_at;             // the last event's time
};

// Folds `events` (seq 1, 2, ... in order; a reminder after the event whose revision it was sent
// at, numbered 1, 2, ... across the history). The error says, in words, where the history does not
// hold together: no events, a seq out of order, an event whose `from` is not where the previous
// one went, a state or a field that the definition does not have. The scores a review event
// records ("review.CRITERION", "review.vote") are not fields and are passed over.
[[nodiscard]] std::expected<Folded, std::string> fold_history(const Definition& definition,
                                                              std::span<const HistoryEvent> events);

// The fields of an instance in Definition::fields order, to compare with Folded::fields.
[[nodiscard]] std::vector<Value> field_values(const Definition& definition,
                                              const Instance& instance);

}  // namespace dojang::engine
