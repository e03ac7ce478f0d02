#include "transaction.hpp"

namespace dojang::store::detail {

Transaction::Transaction(Connection& db, Mode mode) : m_sql(db.sql()) {
  if (db.is_sqlite()) {
    m_sql << (mode == Mode::Write ? "BEGIN IMMEDIATE" : "BEGIN");
  } else {
    m_sql << (mode == Mode::Write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
  m_open = true;
}

Transaction::~Transaction() {
  if (!m_open) return;
  try {
    m_sql << "ROLLBACK";
  } catch (...) {  // the connection may be gone; the database rolls back on its own then
  }
}

void Transaction::commit() {
  m_sql << "COMMIT";
  m_open = false;
}

}  // namespace dojang::store::detail
