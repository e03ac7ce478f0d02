#pragma once
// A plain SOCI session on the benchmark's database, beside the Store, for what the Store does not
// do: the pgbench tables and the bulk population of the inbox benchmark. Every failure is fatal
// (exit status 2): a benchmark on a half-built database would mean nothing.

#include <soci/soci.h>

#include <string>

namespace dojang::runtime_bench {

class SqlSession {
 public:
  explicit SqlSession(const std::string& url);

  // Runs one statement, with no bound values.
  void run(const std::string& sql);
  // The first column of the first row, as text; fatal when there is no row.
  [[nodiscard]] std::string text(const std::string& sql);
  [[nodiscard]] long long number(const std::string& sql);

  [[nodiscard]] soci::session& session() { return m_sql; }

 private:
  soci::session m_sql;
};

// 'text' with its quotes doubled: a SQL string literal.
[[nodiscard]] std::string quoted(const std::string& text);

}  // namespace dojang::runtime_bench
