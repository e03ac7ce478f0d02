// Deployed procedures and their versions.

#include "connection.hpp"
#include "dojang/store/store.hpp"
#include "sql_rows.hpp"
#include "transaction.hpp"

namespace dojang::store {

using detail::Transaction;

Result<DeployOutcome> Store::deploy(const std::string& name, const std::string& source,
                                    const std::string& hash, engine::Date now) {
  if (name.empty()) return std::unexpected(Error{Error::Code::Invalid, "a procedure needs a name"});
  Result<DeployOutcome> outcome = m_db->produce<DeployOutcome>([&](DeployOutcome& out) {
    soci::session& sql = m_db->sql();
    Transaction tx(*m_db, Transaction::Mode::Write);
    int latest = 0;
    std::string latest_hash;
    sql << "SELECT version, hash FROM definitions WHERE name = :n ORDER BY version DESC LIMIT 1",
        soci::into(latest), soci::into(latest_hash), soci::use(name);
    bool found = sql.got_data();
    out.name = name;
    if (found && latest_hash == hash) {
      out.version = latest;
      return Result<void>{};
    }
    out.version = found ? latest + 1 : 1;
    out.created = true;
    long long at = now.seconds;
    sql << "INSERT INTO definitions (name, version, source, hash, deployed_at)"
           " VALUES (:n, :v, :s, :h, :t)",
        soci::use(name), soci::use(out.version), soci::use(source), soci::use(hash), soci::use(at);
    tx.commit();
    return Result<void>{};
  });
  if (!outcome && outcome.error().code == Error::Code::Duplicate) {
    return std::unexpected(Error{Error::Code::Conflict, "procedure '" + name +
                                                            "' was deployed by someone else at "
                                                            "the same time; deploy it again"});
  }
  return outcome;
}

Result<std::vector<DefinitionRecord>> Store::definitions() {
  return m_db->produce<std::vector<DefinitionRecord>>([&](std::vector<DefinitionRecord>& out) {
    DefinitionRecord r;
    long long at = 0;
    detail::for_each_row(
        m_db->sql(),
        "SELECT name, version, source, hash, deployed_at FROM definitions ORDER BY name, version",
        [&](soci::statement& st) {
          st.exchange(soci::into(r.name));
          st.exchange(soci::into(r.version));
          st.exchange(soci::into(r.source));
          st.exchange(soci::into(r.hash));
          st.exchange(soci::into(at));
        },
        [&] {
          r.deployed_at = engine::Date{at};
          out.push_back(r);
        });
    return Result<void>{};
  });
}

Result<DefinitionRecord> Store::definition(const std::string& name, std::optional<int> version) {
  return m_db->produce<DefinitionRecord>([&](DefinitionRecord& out) -> Result<void> {
    soci::session& sql = m_db->sql();
    long long at = 0;
    if (version) {
      sql << "SELECT name, version, source, hash, deployed_at FROM definitions"
             " WHERE name = :n AND version = :v",
          soci::into(out.name), soci::into(out.version), soci::into(out.source),
          soci::into(out.hash), soci::into(at), soci::use(name), soci::use(*version);
    } else {
      sql << "SELECT name, version, source, hash, deployed_at FROM definitions"
             " WHERE name = :n ORDER BY version DESC LIMIT 1",
          soci::into(out.name), soci::into(out.version), soci::into(out.source),
          soci::into(out.hash), soci::into(at), soci::use(name);
    }
    if (!sql.got_data()) {
      return std::unexpected(
          Error{Error::Code::NotFound,
                version ? "procedure '" + name + "' has no version " + std::to_string(*version)
                        : "no procedure named '" + name + "' is deployed"});
    }
    out.deployed_at = engine::Date{at};
    return {};
  });
}

}  // namespace dojang::store
