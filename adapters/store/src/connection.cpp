#include "connection.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "error_mapping.hpp"
#include "migrations.hpp"

namespace dojang::store::detail {

Result<std::unique_ptr<Connection>> Connection::open(const Target& target) {
  std::unique_ptr<Connection> db(new Connection(target));
  Context context{target.backend, Activity::Connect, target.where};
  auto failure = guarded(context, [&]() -> Result<void> {
    soci::session& sql = db->m_sql;
    if (target.backend == Backend::Sqlite) {
      sql.open(soci::sqlite3, target.connect);
      int timeout = 0;
      std::string journal;
      sql << "PRAGMA busy_timeout = 5000", soci::into(timeout);
      sql << "PRAGMA journal_mode = WAL", soci::into(journal);
      sql << "PRAGMA foreign_keys = ON";
    } else {
      sql.open(soci::postgresql, target.connect);
      sql << "SET client_min_messages = warning";  // no NOTICEs on stderr from IF NOT EXISTS
    }
    return {};
  });
  if (failure) return std::unexpected(std::move(failure->error));
  Result<int> version = migrate(*db);
  if (!version) return std::unexpected(std::move(version.error()));
  db->m_schema_version = *version;
  return db;
}

Result<void> Connection::run(const std::function<Result<void>()>& body) {
  if (m_lost) {
    Context context{m_target.backend, Activity::Connect, m_target.where};
    m_kept.clear();  // on the dead connection (SOCI's statements ignore the failed DEALLOCATE)
    auto failure = guarded(context, [&]() -> Result<void> {
      m_sql.reconnect();
      if (m_target.backend == Backend::Postgresql) m_sql << "SET client_min_messages = warning";
      return {};
    });
    if (failure) return std::unexpected(std::move(failure->error));
    m_lost = false;
  }
  Context context{m_target.backend, Activity::Work, m_target.where};
  auto failure = guarded(context, body);
  if (!failure) return {};
  m_lost = failure->connection_lost;
  return std::unexpected(std::move(failure->error));
}

}  // namespace dojang::store::detail
