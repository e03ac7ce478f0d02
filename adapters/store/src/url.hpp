#pragma once
// Reading a --db URL: which backend, and what to hand to it.

#include <string>

#include "backend.hpp"
#include "dojang/store/error.hpp"

namespace dojang::store::detail {

struct Target {
  Backend backend = Backend::Sqlite;
  std::string connect;  // SOCI's connect string for the backend
  std::string where;    // for messages: the file, or the URL without its password
};

// "sqlite:PATH" ("sqlite:///abs/path" too), "postgresql://..." or "postgres://..." as a libpq
// URI, or "postgresql://key=value ..." (SOCI's form, a libpq conninfo). BadUrl otherwise.
[[nodiscard]] Result<Target> parse_url(const std::string& url);

}  // namespace dojang::store::detail
