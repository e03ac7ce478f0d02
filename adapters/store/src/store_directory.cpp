// The directory: people, their roles, and who may act for whom when.

#include <map>
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
  std::map<std::string, const engine::Unit*> units;
  for (const engine::Unit& u : d.units) {
    if (u.id.empty()) return invalid("a unit in the directory has no id");
    if (!units.emplace(u.id, &u).second) return invalid("unit '" + u.id + "' appears twice");
  }
  for (const engine::Unit& u : d.units) {
    if (!u.parent.empty() && !units.contains(u.parent))
      return invalid("unit '" + u.id + "' is under '" + u.parent + "', which is not a unit");
    if (!u.head.empty() && !ids.contains(u.head))
      return invalid("unit '" + u.id + "' is headed by '" + u.head + "', who is not in the directory");
    // Up the tree from u: a unit met twice is above itself.
    std::set<std::string> seen{u.id};
    for (const engine::Unit* up = u.parent.empty() ? nullptr : units.at(u.parent); up != nullptr;
         up = up->parent.empty() ? nullptr : units.at(up->parent)) {
      if (!seen.insert(up->id).second)
        return invalid("unit '" + u.id + "' is above itself: its parents go round in a circle");
    }
  }
  for (const Person& p : d.people) {
    if (!p.unit.empty() && !units.contains(p.unit))
      return invalid("person '" + p.id + "' is in unit '" + p.unit + "', which is not a unit");
    for (const std::string& role : p.roles) {
      const std::size_t at = role.find('@');
      if (at != std::string::npos && !units.contains(role.substr(at + 1)))
        return invalid("person '" + p.id + "' holds '" + role.substr(0, at) + "' in '" +
                       role.substr(at + 1) + "', which is not a unit");
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

// The person's roles, and head@UNIT for each unit they head.
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
  detail::for_each_row(
      sql, "SELECT id FROM directory_units WHERE head = :p ORDER BY id",
      [&](soci::statement& st) {
        st.exchange(soci::into(role));
        st.exchange(soci::use(user));
      },
      [&] { roles.push_back("head@" + role); });
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
    sql << "DELETE FROM directory_units";
    {
      std::string id, name, parent, head;
      soci::statement unit =
          (sql.prepare << "INSERT INTO directory_units (id, name, parent, head)"
                          " VALUES (:i, :n, :p, :h)",
           soci::use(id), soci::use(name), soci::use(parent), soci::use(head));
      for (const engine::Unit& u : directory.units) {
        id = u.id;
        name = u.name;
        parent = u.parent;
        head = u.head;
        unit.execute(true);
      }
    }
    {
      std::string id, name, department, unit, position, role;
      soci::statement person =
          (sql.prepare << "INSERT INTO directory_people (id, name, department, unit, position)"
                          " VALUES (:i, :n, :d, :u, :o)",
           soci::use(id), soci::use(name), soci::use(department), soci::use(unit),
           soci::use(position));
      soci::statement grant =
          (sql.prepare << "INSERT INTO directory_roles (person, role) VALUES (:p, :r)",
           soci::use(id), soci::use(role));
      for (const Person& p : directory.people) {
        id = p.id;
        name = p.name;
        department = p.department;
        unit = p.unit;
        position = p.position;
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
    std::string id, unit;
    sql << "SELECT id, unit FROM directory_people WHERE id = :u", soci::into(id), soci::into(unit),
        soci::use(user);
    if (!sql.got_data()) {
      return std::unexpected(
          Error{Error::Code::NotFound, "'" + user + "' is not in the directory"});
    }
    out.user = user;
    out.unit = unit;
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

Result<std::vector<engine::Unit>> Store::units() {
  return m_db->produce<std::vector<engine::Unit>>(
      [&](std::vector<engine::Unit>& out) -> Result<void> {
        soci::session& sql = m_db->sql();
        detail::Transaction tx(*m_db, detail::Transaction::Mode::Read);
        engine::Unit u;
        detail::for_each_row(
            sql, "SELECT id, name, parent, head FROM directory_units ORDER BY id",
            [&](soci::statement& st) {
              st.exchange(soci::into(u.id));
              st.exchange(soci::into(u.name));
              st.exchange(soci::into(u.parent));
              st.exchange(soci::into(u.head));
            },
            [&] { out.push_back(u); });
        tx.commit();
        return {};
      });
}

Result<bool> Store::has_person(const std::string& user) {
  return m_db->produce<bool>([&](bool& out) -> Result<void> {
    soci::session& sql = m_db->sql();
    detail::Transaction tx(*m_db, detail::Transaction::Mode::Read);
    std::string id;
    sql << "SELECT id FROM directory_people WHERE id = :u", soci::into(id), soci::use(user);
    out = sql.got_data();
    tx.commit();
    return {};
  });
}

}  // namespace dojang::store
