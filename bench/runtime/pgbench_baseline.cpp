#include "pgbench_baseline.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "flows.hpp"
#include "must.hpp"
#include "sql_session.hpp"

namespace dojang::runtime_bench {

namespace {

// A text of the same length for a pgbench script: pgbench reads ':name' inside literals as a
// variable, so colons become '='; quotes are doubled.
std::string script_literal(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (c == ':') c = '=';
  }
  return quoted(out);
}

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out) fail("cannot write " + path, "I/O error");
}

}  // namespace

PgbenchScripts prepare_pgbench(const std::string& url, const std::string& dir) {
  SqlSession sql(url);
  const std::string workflow = quoted(kPingPongName);
  sql.run("DROP TABLE IF EXISTS bench_history");
  sql.run("DROP TABLE IF EXISTS bench_instances");
  sql.run("CREATE TABLE bench_instances (LIKE instances INCLUDING ALL)");
  sql.run("CREATE TABLE bench_history (LIKE history INCLUDING ALL)");
  sql.run("ALTER TABLE bench_history ADD FOREIGN KEY (instance) REFERENCES bench_instances (id)");
  // bench-1 .. bench-N, so that pgbench can pick one with random(1, N).
  sql.run(
      "CREATE TEMPORARY TABLE bench_ids AS SELECT id, 'bench-' || row_number() OVER (ORDER BY"
      " id) AS bench_id FROM instances WHERE workflow = " +
      workflow);
  sql.run(
      "INSERT INTO bench_instances (id, workflow, version, state, state_name, revision,"
      " submitter, body, created_at, updated_at, final) SELECT b.bench_id, i.workflow,"
      " i.version, i.state, i.state_name, i.revision, i.submitter, i.body, i.created_at,"
      " i.updated_at, i.final FROM instances i JOIN bench_ids b USING (id)");
  sql.run(
      "INSERT INTO bench_history (instance, seq, kind, action, actor, on_behalf_of,"
      " from_state, to_state, comment, payload, at, hash, prev_hash) SELECT b.bench_id,"
      " h.seq, h.kind, h.action, h.actor, h.on_behalf_of, h.from_state, h.to_state,"
      " h.comment, h.payload, h.at, h.hash, h.prev_hash FROM history h"
      " JOIN bench_ids b ON b.id = h.instance");
  const long long rows = sql.number("SELECT count(*) FROM bench_instances");
  sql.run("VACUUM ANALYZE bench_instances");
  sql.run("VACUUM ANALYZE bench_history");

  // Texts as long as the store's: an item's body, an act event's payload, a hash.
  const std::string body =
      sql.text("SELECT body FROM instances WHERE workflow = " + workflow + " ORDER BY id LIMIT 1");
  const std::string payload = sql.text(
      "SELECT h.payload FROM history h JOIN instances i ON i.id = h.instance WHERE i.workflow = " +
      workflow + " AND h.kind = 'act' LIMIT 1");
  const std::string hash = script_literal(sql.text("SELECT hash FROM history LIMIT 1"));
  const std::string actor = quoted("bench.player");

  const std::string pick = "\\set id random(1, " + std::to_string(rows) + ")\n";
  const std::string set =
      "SET state = 1 - state, state_name = CASE WHEN state = 0 THEN 'b' ELSE 'a' END,"
      " revision = revision + 1, body = " +
      script_literal(body) + ", updated_at = updated_at + 1, final = 0 WHERE id = 'bench-' || :id";
  const std::string columns =
      "(instance, seq, kind, action, actor, on_behalf_of, from_state, to_state, comment, payload,"
      " at, hash, prev_hash)";
  const std::string event_rest = "'act', 'ping', " + actor + ", '', 'a', 'b', '', " +
                                 script_literal(payload) + ", 1700000000, " + hash + ", " + hash;

  PgbenchScripts scripts{dir + "/transaction.sql", dir + "/cte.sql"};
  write_file(scripts.transaction,
             pick + "BEGIN;\nUPDATE bench_instances " + set +
                 " RETURNING revision AS seq \\gset\n" + "INSERT INTO bench_history " + columns +
                 " VALUES ('bench-' || :id, :seq, " + event_rest + ");\nEND;\n");
  write_file(scripts.cte, pick + "WITH u AS (UPDATE bench_instances " + set +
                              " RETURNING id, revision) INSERT INTO bench_history " + columns +
                              " SELECT id, revision, " + event_rest + " FROM u;\n");
  return scripts;
}

std::optional<double> run_pgbench(const std::string& pgbench, const std::string& url,
                                  const std::string& script, int clients, int seconds) {
  const std::string n = std::to_string(clients);
  const std::string command = shell_quoted(pgbench) + " -n -f " + shell_quoted(script) + " -c " +
                              n + " -j " + n + " -T " + std::to_string(seconds) + " " +
                              shell_quoted(url) + " 2>&1";
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    std::cerr << "bench: cannot run " << pgbench << "\n";
    return std::nullopt;
  }
  std::string output;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  const int status = pclose(pipe);
  const std::size_t at = output.find("tps = ");
  if (status != 0 || at == std::string::npos ||
      output.find("number of failed transactions: 0") == std::string::npos) {
    std::cerr << "bench: pgbench failed (status " << status << "):\n" << output;
    return std::nullopt;
  }
  return std::stod(output.substr(at + 6));
}

}  // namespace dojang::runtime_bench
