#include "transaction.hpp"

namespace dojang::store::detail {

Transaction::Transaction(Connection& db, Mode mode) : m_sql(db.sql()) {
  const Dialect& dialect = db.dialect();
  m_sql << std::string(mode == Mode::Write ? dialect.begin_write() : dialect.begin_read());
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
