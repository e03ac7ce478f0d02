#pragma once
// The one place where the store catches: SOCI, libpq and SQLite throw; the store returns Errors.

#include <functional>
#include <optional>
#include <string>

#include "backend.hpp"
#include "dojang/store/error.hpp"

namespace dojang::store::detail {

struct Failure {
  Error error;
  bool connection_lost = false;  // the PostgreSQL connection died: reconnect before the next call
};

enum class Activity { Connect, Work };

struct Context {
  Backend backend = Backend::Sqlite;
  Activity activity = Activity::Work;
  std::string where;  // the database, for connection messages (no password)
};

// Runs `body`; returns nothing when it succeeds, its Error when it returns one, and the mapped
// Error when it throws.
[[nodiscard]] std::optional<Failure> guarded(const Context& context,
                                             const std::function<Result<void>()>& body);

// A driver message made readable: SOCI's prefixes dropped, lines joined into one.
[[nodiscard]] std::string one_line(const std::string& message);

}  // namespace dojang::store::detail
