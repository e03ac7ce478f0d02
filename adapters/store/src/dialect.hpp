#pragma once
// What differs between the two databases, in one object per backend, chosen when a connection
// opens: how to connect, how transactions begin, the schema's type names, row locking, and
// whether a whole commit can be one statement. Store functions ask the dialect instead of
// branching on the backend.

#include <soci/soci.h>

#include <string>
#include <string_view>

#include "backend.hpp"

namespace dojang::store::detail {

class Dialect {
 public:
  // The dialect of a backend (a static object; never null).
  [[nodiscard]] static const Dialect& of(Backend backend);

  virtual ~Dialect() = default;

  [[nodiscard]] virtual Backend backend() const = 0;

  // Opens `sql` on `connect` and sets up the session (pragmas, message levels).
  virtual void open(soci::session& sql, const std::string& connect) const = 0;
  // Sets up the session again after soci::session::reconnect.
  virtual void after_reconnect(soci::session& sql) const = 0;

  // The statements that begin a read-only and a read-write transaction. SQLite takes the write
  // lock at once for a write (BEGIN IMMEDIATE), so that two writers never deadlock; PostgreSQL
  // reads from one snapshot.
  [[nodiscard]] virtual std::string_view begin_read() const = 0;
  [[nodiscard]] virtual std::string_view begin_write() const = 0;

  // Takes the lock that lets one process at a time migrate, inside the migration's transaction
  // (a no-op on SQLite, whose write transaction already excludes the others).
  virtual void lock_for_migration(soci::session& sql) const = 0;

  // The column definition of an auto-incremented BIGINT primary key named id.
  [[nodiscard]] virtual std::string_view id_column() const = 0;

  // The text at the top-level `key` of the JSON text in `column` (NULL when it has none).
  [[nodiscard]] virtual std::string json_text(std::string_view column,
                                              std::string_view key) const = 0;

  // Appended to a SELECT whose rows the transaction claims, so that concurrent claimers take
  // different rows ("" where the write transaction already excludes them).
  [[nodiscard]] virtual std::string_view skip_locked() const = 0;

  // Whether a commit can be written as one statement of data-modifying CTEs
  // (commit_statement.cpp) instead of a transaction of several.
  [[nodiscard]] virtual bool commits_in_one_statement() const = 0;

  // Whether the database holds a store (its schema_version table), read without a lock.
  [[nodiscard]] virtual bool holds_store(soci::session& sql) const = 0;
};

}  // namespace dojang::store::detail
