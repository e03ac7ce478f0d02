// The directory: people, their roles, and who may act for whom when.

#include <set>

#include "connection.hpp"
#include "dojang/store/store.hpp"
#include "sql_rows.hpp"
#include "transaction.hpp"

namespace dojang::store {
namespace {

std::unexpected<Error> invalid(std::string message) {
  return std::unexpected(Error{Error::Code::Invalid, std::move(message)});
}

Result<void> check(const Directory& d) {
  std::set<std::string> ids;
  for (const Person& p : d.people) {
    if (p.id.empty()) return invalid("a person in the directory has no id");
    if (!ids.insert(p.id).second) return invalid("person '" + p.id + "' appears twice");
    for (const std::string& role : p.roles) {
      if (role.empty()) return invalid("person '" + p.id + "' has an empty role");
    }
  }
  for (const Deputy& dep : d.deputies) {
    for (const std::string* who : {&dep.deputy, &dep.for_user}) {
      if (!ids.contains(*who)) {
        return invalid("a deputy entry names '" + *who + "', who is not in the directory");
      }
    }
    if (dep.deputy == dep.for_user) {
      return invalid("'" + dep.deputy + "' cannot be their own deputy");
    }
    if (dep.to <= dep.from) {
      return invalid("the deputyship of '" + dep.deputy + "' for '" + dep.for_user +
                     "' ends before it starts");
    }
  }
  return {};
}

std::vector<std::string> roles_of(soci::session& sql, const std::string& user) {
  std::vector<std::string> roles;
  std::string role;
  detail::for_each_row(
      sql, "SELECT role FROM directory_roles WHERE person = :p ORDER BY role",
      [&](soci::statement& st) {
        st.exchange(soci::into(role));
        st.exchange(soci::use(user));
      },
      [&] { roles.push_back(role); });
  return roles;
}

}  // namespace

Result<void> Store::load_directory(const Directory& directory) {
  if (Result<void> ok = check(directory); !ok) return ok;
  return m_db->run([&]() -> Result<void> {
    soci::session& sql = m_db->sql();
    detail::Transaction tx(*m_db, detail::Transaction::Mode::Write);
    sql << "DELETE FROM directory_deputies";
    sql << "DELETE FROM directory_roles";
    sql << "DELETE FROM directory_people";
    {
      std::string id, name, department, role;
      soci::statement person = (sql.prepare << "INSERT INTO directory_people (id, name, department)"
                                               " VALUES (:i, :n, :d)",
                                soci::use(id), soci::use(name), soci::use(department));
      soci::statement grant =
          (sql.prepare << "INSERT INTO directory_roles (person, role) VALUES (:p, :r)",
           soci::use(id), soci::use(role));
      for (const Person& p : directory.people) {
        id = p.id;
        name = p.name;
        department = p.department;
        person.execute(true);
        for (const std::string& r : std::set<std::string>(p.roles.begin(), p.roles.end())) {
          role = r;
          grant.execute(true);
        }
      }
    }
    {
      std::string deputy, for_user;
      long long from = 0, to = 0;
      soci::statement insert =
          (sql.prepare << "INSERT INTO directory_deputies (deputy, for_user, valid_from, valid_to)"
                          " VALUES (:d, :f, :a, :b)",
           soci::use(deputy), soci::use(for_user), soci::use(from), soci::use(to));
      for (const Deputy& d : directory.deputies) {
        deputy = d.deputy;
        for_user = d.for_user;
        from = d.from.seconds;
        to = d.to.seconds;
        insert.execute(true);
      }
    }
    tx.commit();
    return {};
  });
}

Result<engine::Principal> Store::principal(const std::string& user, engine::Date now) {
  return m_db->produce<engine::Principal>([&](engine::Principal& out) -> Result<void> {
    soci::session& sql = m_db->sql();
    detail::Transaction tx(*m_db, detail::Transaction::Mode::Read);
    std::string id;
    sql << "SELECT id FROM directory_people WHERE id = :u", soci::into(id), soci::use(user);
    if (!sql.got_data()) {
      return std::unexpected(
          Error{Error::Code::NotFound, "'" + user + "' is not in the directory"});
    }
    out.user = user;
    out.roles = roles_of(sql, user);
    std::vector<std::string> absent;
    std::string for_user;
    long long at = now.seconds;
    detail::for_each_row(
        sql,
        "SELECT DISTINCT for_user FROM directory_deputies"
        " WHERE deputy = :u AND valid_from <= :a AND valid_to > :b ORDER BY for_user",
        [&](soci::statement& st) {
          st.exchange(soci::into(for_user));
          st.exchange(soci::use(user));
          st.exchange(soci::use(at));
          st.exchange(soci::use(at));
        },
        [&] { absent.push_back(for_user); });
    for (const std::string& other : absent) {
      out.acting_for.push_back({other, roles_of(sql, other)});
    }
    tx.commit();
    return {};
  });
}

}  // namespace dojang::store
