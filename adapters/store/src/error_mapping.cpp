// SOCI, libpq and SQLite report failures by throwing; here, and only here, they become Errors.

#include "error_mapping.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <array>
#include <exception>
#include <string_view>

namespace dojang::store {

const char* to_string(Error::Code code) {
  switch (code) {
    case Error::Code::Conflict:
      return "conflict";
    case Error::Code::NotFound:
      return "not found";
    case Error::Code::Duplicate:
      return "duplicate";
    case Error::Code::Unavailable:
      return "unavailable";
    case Error::Code::Schema:
      return "schema";
    case Error::Code::BadUrl:
      return "bad url";
    case Error::Code::Invalid:
      return "invalid";
    case Error::Code::NoStore:
      return "no store";
    case Error::Code::Internal:
      return "internal";
  }
  return "internal";
}

namespace detail {
namespace {

using Code = Error::Code;

// SOCI's own words before the driver's message; they say nothing to a person.
constexpr std::array<std::string_view, 6> kNoise = {"Cannot establish connection to the database.",
                                                    "Cannot execute query.",
                                                    "Fatal error.",
                                                    "ERROR:",
                                                    "FATAL:",
                                                    "Query failed:"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string_view drop_noise(std::string_view line) {
  for (bool again = true; again;) {
    again = false;
    line = trim(line);
    for (std::string_view noise : kNoise) {
      if (line.starts_with(noise)) {
        line.remove_prefix(noise.size());
        again = true;
      }
    }
    if (line.starts_with("sqlite3_")) {  // "sqlite3_statement_backend::loadOne: ..."
      if (auto colon = line.find(": "); colon != std::string_view::npos) {
        line.remove_prefix(colon + 2);
        again = true;
      }
    }
  }
  return line;
}

bool starts(std::string_view state, std::string_view prefix) {
  return state.starts_with(prefix);
}

Failure from_postgresql(const soci::postgresql_soci_error& e, const std::string& text) {
  std::string state = e.sqlstate();
  if (state == "23505") return {{Code::Duplicate, "already exists: " + text}, false};
  if (state == "40001" || state == "40P01" || state == "55P03") {
    return {{Code::Conflict, "changed by someone else at the same time: " + text}, false};
  }
  if (starts(state, "08") || state == "57P01" || state == "57P02" || state == "57P03" ||
      state == "57P04") {
    return {{Code::Unavailable, "lost the connection to PostgreSQL: " + text}, true};
  }
  if (starts(state, "53") || state == "57014") return {{Code::Unavailable, text}, false};
  if (starts(state, "23") || starts(state, "22")) return {{Code::Invalid, text}, false};
  if (starts(state, "42")) {
    return {{Code::Schema, "the database does not have the expected schema: " + text}, false};
  }
  return {{Code::Internal, text}, false};
}

Failure from_sqlite(const soci::sqlite3_soci_error& e, const std::string& text) {
  switch (e.result()) {
    case 5:  // SQLITE_BUSY
    case 6:  // SQLITE_LOCKED
      return {{Code::Unavailable,
               "the SQLite database stayed busy (locked by another writer): " + text},
              false};
    case 19:  // SQLITE_CONSTRAINT
      if (text.find("UNIQUE") != std::string::npos ||
          text.find("PRIMARY KEY") != std::string::npos) {
        return {{Code::Duplicate, "already exists: " + text}, false};
      }
      return {{Code::Invalid, text}, false};
    case 8:   // SQLITE_READONLY
    case 10:  // SQLITE_IOERR
    case 13:  // SQLITE_FULL
    case 14:  // SQLITE_CANTOPEN
      return {{Code::Unavailable, "cannot use the SQLite database: " + text}, false};
    case 11:  // SQLITE_CORRUPT
    case 26:  // SQLITE_NOTADB
      return {{Code::Schema, "not a Dojang database: " + text}, false};
    default:
      if (text.find("no such table") != std::string::npos ||
          text.find("no such column") != std::string::npos) {
        return {{Code::Schema, "the database does not have the expected schema: " + text}, false};
      }
      return {{Code::Internal, text}, false};
  }
}

Failure connect_failure(const Context& context, const std::string& text) {
  std::string what = context.backend == Backend::Postgresql
                         ? "cannot connect to PostgreSQL at " + context.where
                         : "cannot open the SQLite database " + context.where;
  return {{Code::Unavailable, what + ": " + text}, context.backend == Backend::Postgresql};
}

Failure map_current_exception(const Context& context) {
  try {
    throw;
  } catch (const soci::postgresql_soci_error& e) {
    std::string text = one_line(e.get_error_message());
    Failure failure = from_postgresql(e, text);
    if (context.activity == Activity::Connect && failure.error.code != Code::Schema) {
      return connect_failure(context, text);
    }
    return failure;
  } catch (const soci::sqlite3_soci_error& e) {
    std::string text = one_line(e.get_error_message());
    if (context.activity == Activity::Connect) return connect_failure(context, text);
    return from_sqlite(e, text);
  } catch (const soci::soci_error& e) {
    std::string text = one_line(e.get_error_message());
    if (context.activity == Activity::Connect) return connect_failure(context, text);
    if (e.get_error_category() == soci::soci_error::connection_error) {
      return {{Code::Unavailable, "lost the connection to the database: " + text},
              context.backend == Backend::Postgresql};
    }
    return {{Code::Internal, text}, false};
  } catch (const std::bad_alloc&) {
    return {{Code::Internal, "out of memory"}, false};
  } catch (const std::exception& e) {
    return {{Code::Internal, one_line(e.what())}, false};
  } catch (...) {
    return {{Code::Internal, "unknown error"}, false};
  }
}

}  // namespace

std::string one_line(const std::string& message) {
  std::string out;
  std::string_view rest = message;
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    std::string_view line = drop_noise(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    if (line.empty()) continue;
    if (!out.empty()) out += "; ";
    bool space = false;  // collapse runs of blanks: "DETAIL:  Key" -> "DETAIL: Key"
    for (char c : line) {
      bool blank = c == ' ' || c == '\t';
      if (blank && space) continue;
      out += blank ? ' ' : c;
      space = blank;
    }
  }
  return out.empty() ? std::string("unknown database error") : out;
}

std::optional<Failure> guarded(const Context& context, const std::function<Result<void>()>& body) {
  try {
    Result<void> result = body();
    if (result) return std::nullopt;
    return Failure{std::move(result.error()), false};
  } catch (...) {
    return map_current_exception(context);
  }
}

}  // namespace detail
}  // namespace dojang::store
