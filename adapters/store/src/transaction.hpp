#pragma once
// A transaction that rolls back unless committed; how it begins is the dialect's (on SQLite a
// write takes the write lock at once, waiting up to the busy timeout, so that two writers never
// deadlock).

#include "connection.hpp"

namespace dojang::store::detail {

class Transaction {
 public:
  enum class Mode { Read, Write };

  Transaction(Connection& db, Mode mode);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

 private:
  soci::session& m_sql;
  bool m_open = false;
};

}  // namespace dojang::store::detail
