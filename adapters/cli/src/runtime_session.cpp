#include "runtime_session.hpp"

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/source_file.hpp"
#include "instant.hpp"

namespace dojang::cli {

std::expected<engine::Date, Failure> clock_of(const GlobalOptions& global) {
  if (global.now.empty()) return clock_now();
  if (auto at = parse_instant(global.now)) return *at;
  return std::unexpected(usage_failure(
      "--now '" + global.now +
      "' is not an ISO 8601 date or date-time (e.g. 2007-02-01 or 2007-02-01T09:00:00+09:00)"));
}

Session::Session(std::unique_ptr<store::Store> store, engine::Date now)
    : m_store(std::move(store)), m_now(now) {}

std::expected<Session, Failure> Session::open(const GlobalOptions& global) {
  auto now = clock_of(global);
  if (!now) return std::unexpected(now.error());
  auto store = store::Store::open(global.db);
  if (!store) return std::unexpected(store_failure(store.error()));
  return Session(std::move(*store), *now);
}

std::expected<Procedure, Failure> Session::procedure(const std::string& name,
                                                     std::optional<int> version) {
  if (version) {
    auto cached = m_compiled.find({name, *version});
    if (cached != m_compiled.end()) return Procedure{cached->second, *version};
  }
  auto record = m_store->definition(name, version);
  if (!record) {
    Failure failure = store_failure(record.error());
    if (record.error().code == store::Error::Code::NotFound) {
      failure.message =
          version ? "version " + std::to_string(*version) + " of '" + name + "' is not deployed"
                  : "no procedure '" + name + "' is deployed (see 'dojang deploy')";
    }
    return std::unexpected(failure);
  }
  auto cached = m_compiled.find({name, record->version});
  if (cached != m_compiled.end()) return Procedure{cached->second, record->version};
  const std::string where = name + " (version " + std::to_string(record->version) + ")";
  dsl::CompileResult compiled = dsl::compile(dsl::SourceFile(where, record->source));
  if (!compiled.ok()) {
    return std::unexpected(
        Failure{ExitCode::CheckFailed, "bad_definition",
                "the stored text of " + where + " no longer compiles; deploy it again"});
  }
  m_compiled[{name, record->version}] = compiled.definition;
  return Procedure{compiled.definition, record->version};
}

std::expected<engine::Principal, Failure> Session::principal(const std::string& user) {
  auto who = m_store->principal(user, m_now);
  if (who) return *who;
  Failure failure = store_failure(who.error());
  if (who.error().code == store::Error::Code::NotFound) {
    failure.code = "unknown_user";
    failure.message = "unknown user '" + user + "' (not in the directory)";
  }
  return std::unexpected(failure);
}

std::expected<engine::Instance, Failure> Session::instance(const std::string& id) {
  auto found = m_store->instance(id);
  if (found) return *found;
  Failure failure = store_failure(found.error());
  if (found.error().code == store::Error::Code::NotFound) failure.message = "no item '" + id + "'";
  return std::unexpected(failure);
}

}  // namespace dojang::cli
