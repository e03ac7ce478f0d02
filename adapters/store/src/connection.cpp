#include "connection.hpp"

#include "error_mapping.hpp"
#include "migrations.hpp"

namespace dojang::store::detail {

Result<std::unique_ptr<Connection>> Connection::open(const Target& target, bool create) {
  std::unique_ptr<Connection> db(new Connection(target));
  Context context{target.backend, Activity::Connect, target.where};
  bool holds_store = true;
  auto failure = guarded(context, [&]() -> Result<void> {
    db->dialect().open(db->m_sql, target.connect);
    if (!create) holds_store = db->dialect().holds_store(db->m_sql);
    return {};
  });
  if (failure) return std::unexpected(std::move(failure->error));
  if (!holds_store) {
    return std::unexpected(
        Error{Error::Code::NoStore, "there is no store in '" + target.where + "' yet"});
  }
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
      dialect().after_reconnect(m_sql);
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
