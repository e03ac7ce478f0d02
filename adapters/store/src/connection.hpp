#pragma once
// One database connection and the way every store operation uses it: run a body, turn what it
// throws into an Error, and reconnect a PostgreSQL connection that died, on the next call.

#include <soci/soci.h>

#include <functional>
#include <map>
#include <memory>

#include "backend.hpp"
#include "dialect.hpp"
#include "dojang/store/error.hpp"
#include "known_heads.hpp"
#include "url.hpp"

namespace dojang::store::detail {

class Connection {
 public:
  // Connects and brings the schema up to date (migrations.cpp).
  [[nodiscard]] static Result<std::unique_ptr<Connection>> open(const Target& target,
                                                                   bool create = true);

  [[nodiscard]] Backend backend() const { return m_target.backend; }
  // What differs between the backends (dialect.hpp).
  [[nodiscard]] const Dialect& dialect() const { return *m_dialect; }
  [[nodiscard]] soci::session& sql() { return m_sql; }
  [[nodiscard]] int schema_version() const { return m_schema_version; }
  // The newest event of each instance this connection wrote or read (known_heads.hpp).
  [[nodiscard]] KnownHeads& heads() { return m_heads; }
  // Statements kept prepared for the life of the connection, by a key of the caller's choosing
  // (on PostgreSQL: prepared once, then one round trip per execution). Empty at first; dropped
  // before a reconnect, as a statement cannot outlive its connection.
  [[nodiscard]] std::shared_ptr<void>& kept(int key) { return m_kept[key]; }

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
  explicit Connection(Target target)
      : m_target(std::move(target)), m_dialect(&Dialect::of(m_target.backend)) {}

  Target m_target;
  const Dialect* m_dialect;
  soci::session m_sql;
  bool m_lost = false;  // the connection died during the last call
  int m_schema_version = 0;
  KnownHeads m_heads;
  std::map<int, std::shared_ptr<void>> m_kept;  // after m_sql: destroyed before it
};

}  // namespace dojang::store::detail
