#pragma once
// Why a use case did not do what was asked, as a value: no exception crosses the app's API.
// The kind is what a front end maps to its own terms (the CLI to exit codes, HTTP to statuses);
// the code is a short stable word for machines; the message is one line for a person, in the
// procedure's words (fields, roles, states), never a front end's flags.

#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/engine/runtime.hpp"
#include "dojang/store/error.hpp"

namespace dojang::app {

struct Error {
  enum class Kind {
    Refused,      // the procedure does not allow it now (a guard, a window, a final state)
    Conflict,     // someone changed it first, or it was done already: reload and decide again
    NotFound,     // no such procedure, item, person or ranking
    Forbidden,    // this person may not do it (a role, four eyes, a declared conflict)
    BadInput,     // a value, a field, a file that cannot be taken as given
    Unavailable,  // the database cannot be reached or understood; nothing is known to have changed
  };
  Kind kind = Kind::Refused;
  std::string code;                  // "wrong_role", "not_found", "conflict", ...
  std::string message;               // one line
  std::vector<std::string> details;  // more lines when there are several problems (a file's)
};

template <class T>
using Result = std::expected<T, Error>;

// "refused", "conflict", "not_found", "forbidden", "bad_input", "unavailable".
[[nodiscard]] std::string_view kind_name(Error::Kind kind);

// A store error in the app's terms: the kind from the store's code, the message made one line.
[[nodiscard]] Error from_store(const store::Error& error);
// A refused request, with the engine's code and words.
[[nodiscard]] Error from_refusal(const engine::Refusal& refusal);

}  // namespace dojang::app
