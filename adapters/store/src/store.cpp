// Opening a store; the operations live in store_*.cpp, one file per area.

#include "dojang/store/store.hpp"

#include <filesystem>

#include "connection.hpp"
#include "url.hpp"

namespace dojang::store {

Result<std::unique_ptr<Store>> Store::open(const std::string& url, Open mode) {
  Result<detail::Target> target = detail::parse_url(url);
  if (!target) return std::unexpected(std::move(target.error()));
  const bool create = mode == Open::CreateOrMigrate;
  if (!create && target->backend == detail::Backend::Sqlite &&
      !std::filesystem::exists(target->where)) {
    return std::unexpected(
        Error{Error::Code::NoStore, "there is no store at '" + target->where + "' (no such file)"});
  }
  Result<std::unique_ptr<detail::Connection>> db = detail::Connection::open(*target, create);
  if (!db) return std::unexpected(std::move(db.error()));
  return std::unique_ptr<Store>(new Store(std::move(*db)));
}

Store::Store(std::unique_ptr<detail::Connection> connection) : m_db(std::move(connection)) {}

Store::~Store() = default;

std::string Store::backend() const {
  return detail::backend_name(m_db->backend());
}

int Store::schema_version() const {
  return m_db->schema_version();
}

}  // namespace dojang::store
