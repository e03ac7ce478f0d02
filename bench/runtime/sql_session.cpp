#include "sql_session.hpp"

#include <soci/postgresql/soci-postgresql.h>

#include <exception>

#include "must.hpp"

namespace dojang::runtime_bench {

namespace {

template <class F>
auto guarded(const std::string& sql, F&& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    fail("SQL failed: " + sql.substr(0, 200), e.what());
  }
}

}  // namespace

SqlSession::SqlSession(const std::string& url) {
  guarded("(connect to " + url + ")", [&] {
    m_sql.open(soci::postgresql, url);
    m_sql << "SET client_min_messages = warning";
  });
}

void SqlSession::run(const std::string& sql) {
  guarded(sql, [&] { m_sql << sql; });
}

std::string SqlSession::text(const std::string& sql) {
  return guarded(sql, [&] {
    std::string out;
    soci::indicator present = soci::i_null;
    m_sql << sql, soci::into(out, present);
    if (!m_sql.got_data() || present != soci::i_ok) fail("SQL gave no value: " + sql, "no row");
    return out;
  });
}

long long SqlSession::number(const std::string& sql) {
  return guarded(sql, [&] {
    long long out = 0;
    soci::indicator present = soci::i_null;
    m_sql << sql, soci::into(out, present);
    if (!m_sql.got_data() || present != soci::i_ok) fail("SQL gave no value: " + sql, "no row");
    return out;
  });
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

}  // namespace dojang::runtime_bench
