#pragma once
// One database connection and the way every store operation uses it: run a body, turn what it
// throws into an Error, and reconnect a PostgreSQL connection that died, on the next call.

#include <soci/soci.h>

#include <functional>
#include <memory>

#include "backend.hpp"
#include "dojang/store/error.hpp"
#include "url.hpp"

namespace dojang::store::detail {

class Connection {
 public:
  // Connects and brings the schema up to date (migrations.cpp).
  [[nodiscard]] static Result<std::unique_ptr<Connection>> open(const Target& target);

  [[nodiscard]] Backend backend() const { return m_target.backend; }
  [[nodiscard]] bool is_sqlite() const { return m_target.backend == Backend::Sqlite; }
  [[nodiscard]] soci::session& sql() { return m_sql; }
  [[nodiscard]] int schema_version() const { return m_schema_version; }

  // Runs `body`; an exception it throws becomes an Error (error_mapping.cpp).
  [[nodiscard]] Result<void> run(const std::function<Result<void>()>& body);

  // Runs `body`, which fills a T.
  template <class T>
  [[nodiscard]] Result<T> produce(const std::function<Result<void>(T&)>& body) {
    T out{};
    Result<void> done = run([&]() { return body(out); });
    if (!done) return std::unexpected(std::move(done.error()));
    return out;
  }

 private:
  explicit Connection(Target target) : m_target(std::move(target)) {}

  Target m_target;
  soci::session m_sql;
  bool m_lost = false;  // the connection died during the last call
  int m_schema_version = 0;
};

}  // namespace dojang::store::detail
