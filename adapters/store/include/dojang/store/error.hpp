#pragma once
// What can go wrong in the store, as a value: no exception crosses the store's API.

#include <expected>
#include <string>

namespace dojang::store {

struct Error {
  enum class Code {
    Conflict,     // someone else changed it first (stale revision, serialization failure): reload,
                  // retry
    NotFound,     // no such definition, instance, person or timer
    Duplicate,    // it already exists (instance id, idempotency key)
    Unavailable,  // the database cannot be reached or is busy; the caller may retry later
    Schema,       // the database's schema is newer than this program, or not ours
    BadUrl,       // the --db URL cannot be understood
    Invalid,      // the input breaks a rule of the store (a deputy for an unknown person, ...)
    NoStore,      // the database holds no store, and it was opened not to make one
    Internal,     // a bug or corrupt stored data
  } code;
  std::string message;  // one line, for a person
};

template <class T>
using Result = std::expected<T, Error>;

// "conflict", "not found", ... for messages and JSON.
[[nodiscard]] const char* to_string(Error::Code code);

}  // namespace dojang::store
