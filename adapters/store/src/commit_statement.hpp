#pragma once
// Committing one engine::Step on PostgreSQL as ONE statement of data-modifying CTEs, in
// autocommit: the instance row (INSERT, or the UPDATE guarded by revision - 1), the hash-chained
// history event, timers, waiting roles, outbox and idempotency key succeed or fail together, in
// one round trip when the previous event's hash is known (known_heads.hpp), two when it is not.

#include <string>

#include "connection.hpp"
#include "dojang/engine/runtime.hpp"
#include "dojang/store/error.hpp"
#include "dojang/store/records.hpp"
#include "step_write.hpp"

namespace dojang::store::detail {

// Fills `out` (the caller remembers the new head). Conflict when the instance is not at
// revision - 1, NotFound when it does not exist; throws what SOCI throws (a taken key is 23505:
// see duplicate_of).
[[nodiscard]] Result<void> commit_in_one_statement(Connection& db, const engine::Step& step,
                                                   const std::string& idempotency_key,
                                                   const std::string& fingerprint,
                                                   CommitOutcome& out);

// Which unique key a Duplicate error of that statement came from, by the constraint it names.
[[nodiscard]] Taken duplicate_of(const Error& error);

}  // namespace dojang::store::detail
