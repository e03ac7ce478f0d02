#pragma once
// Writing one engine::Step inside a transaction the caller opened and commits: the instance row
// (INSERT at revision 1, else the UPDATE guarded by revision - 1), the hash-chained history event,
// timers, waiting roles, outbox, start orders (store_starts.cpp) and the idempotency key. The one
// way a step is written, for Store::commit (SQLite, and PostgreSQL steps with start orders) and
// Store::commit_ranking; only PostgreSQL's autocommit statement (commit_statement.hpp) differs.

#include <soci/soci.h>

#include <string>

#include "dojang/engine/runtime.hpp"
#include "dojang/store/error.hpp"
#include "dojang/store/records.hpp"

namespace dojang::store::detail {

// What the instance row must hold for a step to be written on it: the revision and the count of
// reminders before the step. A reminder (engine::HistoryEvent::reminder) keeps the revision and
// adds one reminder; every other step adds one revision and keeps the reminders.
struct Guard {
  long long revision = 0;
  long long reminders = 0;
};
[[nodiscard]] inline bool is_reminder(const engine::Step& step) {
  return step.event.reminder != 0;
}
[[nodiscard]] inline Guard guard_of(const engine::Step& step) {
  const bool reminder = is_reminder(step);
  return {step.instance.revision - (reminder ? 0 : 1),
          step.instance.reminders - (reminder ? 1 : 0)};
}
// Whether the step creates the instance (its start: revision 1, no reminder).
[[nodiscard]] inline bool is_start(const engine::Step& step) {
  return step.instance.revision == 1 && !is_reminder(step);
}

// Invalid for a step that does not hold together: no id, no revision, or an event that is not
// the instance's revision. Every writer checks this first.
[[nodiscard]] Result<void> check_step(const engine::Step& step);

// Which unique key a Duplicate came from: the instance id, the event (instance, seq), the
// idempotency key, or another.
enum class Taken { Instance, Event, Key, Other };

// Writes a checked `step`; `taking` is the unique key of the statement being run, to tell what a
// thrown Duplicate was about. Conflict when the instance is not at guard_of(step), NotFound when it
// is gone, Internal when the previous event is missing; throws what SOCI throws. The caller
// remembers the new head (KnownHeads) only once its transaction is committed.
[[nodiscard]] Result<CommitOutcome> write_step(soci::session& sql, const engine::Step& step,
                                               const std::string& idempotency_key,
                                               const std::string& fingerprint, Taken& taking);

// Conflict or NotFound for an instance that is not at `expected` (one SELECT).
[[nodiscard]] Result<void> not_at_revision(soci::session& sql, const std::string& id,
                                           const Guard& expected);

// The hash of the newest event of `id` (the one the next event chains to); "" when it has none.
[[nodiscard]] std::string head_hash(soci::session& sql, const std::string& id, bool& found);

}  // namespace dojang::store::detail
