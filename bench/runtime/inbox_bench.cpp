#include "inbox_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "dojang/engine/runtime.hpp"
#include "dojang/store/store.hpp"
#include "flows.hpp"
#include "must.hpp"
#include "sql_session.hpp"

namespace dojang::runtime_bench {

namespace {

constexpr const char* kClerk = "bench.clerk";
constexpr int kUsers = kInboxRoles / 2;  // each holds two roles
constexpr long long kBatch = 100'000;    // items written per SQL statement
constexpr long long kYear = 365LL * 24 * 3600;

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string user_name(int u) {
  char text[32];
  std::snprintf(text, sizeof text, "bench.u%02d", u);
  return text;
}

// The rt_inbox rows the Store wrote, which the SQL copies.
struct Samples {
  std::string open_id, closed_id;
  engine::Index first_state = 0;  // s00; s01 .. follow
  engine::Date now;
};

class Acting {
 public:
  Acting(store::Store& db, const engine::Definition& def, int version, engine::Date now)
      : m_db(db), m_def(def), m_version(version), m_now(now) {}

  std::string start(const engine::Principal& who) {
    engine::Request request;
    request.kind = engine::Request::Kind::Start;
    request.new_id = must(m_db.next_instance_id(m_def.name), "next instance id");
    request.set = {{"title", "주민등록 등본 발급 절차 간소화"}};
    commit(engine::Instance{}, request, who);
    return request.new_id;
  }

  void act(const std::string& id, const std::string& action, const engine::Principal& who) {
    engine::Request request;
    request.action = action;
    commit(must(m_db.instance(id), "load " + id), request, who);
  }

 private:
  void commit(const engine::Instance& from, const engine::Request& request,
              const engine::Principal& who) {
    engine::Outcome outcome = engine::apply(m_def, from, request, who, m_now);
    if (!outcome) fail("rt_inbox refused " + request.action, outcome.error().message);
    outcome->instance.version = m_version;
    must(m_db.commit(*outcome, ""), "commit " + request.action);
  }

  store::Store& m_db;
  const engine::Definition& m_def;
  int m_version;
  engine::Date m_now;
};

Samples prepare(store::Store& db) {
  const auto def = compile_flow(kInboxName, inbox_flow());
  Samples s;
  s.now = engine::Date{std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count()};
  const int version =
      must(db.deploy(def->name, inbox_flow(), def->source_hash, s.now), "deploy rt_inbox").version;
  store::Directory directory;
  directory.people.push_back({kClerk, "접수 담당", "민원실", {"clerk"}});
  for (int u = 0; u < kUsers; ++u) {
    directory.people.push_back({user_name(u),
                                "담당자 " + std::to_string(u),
                                "부서",
                                {inbox_role(2 * u), inbox_role(2 * u + 1)}});
  }
  must(db.load_directory(directory), "load the directory");
  s.first_state = def->state_index(inbox_state(0));
  for (int k = 0; k < kInboxRoles; ++k) {
    if (def->state_index(inbox_state(k)) != s.first_state + static_cast<engine::Index>(k)) {
      fail("rt_inbox", "its states s00 .. are expected to have consecutive indexes");
    }
  }
  const auto clerk = must(db.principal(kClerk, s.now), "principal");
  const auto u00 = must(db.principal(user_name(0), s.now), "principal");
  Acting acting(db, *def, version, s.now);
  s.open_id = acting.start(clerk);
  acting.act(s.open_id, "route_" + inbox_state(0), clerk);
  s.closed_id = acting.start(clerk);
  acting.act(s.closed_id, "route_" + inbox_state(1), clerk);
  acting.act(s.closed_id, "done", u00);
  return s;
}

// Items first .. last (numbers in their ids), as copies of the samples: open ones wait for a
// random role, every item's updated_at is random within the past year.
void fill(SqlSession& sql, const Samples& s, long long first, long long last) {
  const std::string open_id = quoted(s.open_id), closed_id = quoted(s.closed_id);
  const std::string sample = "CASE WHEN r.open THEN " + open_id + " ELSE " + closed_id + " END";
  sql.run(
      "WITH g AS MATERIALIZED (SELECT n, 'rt_inbox-' || CASE WHEN n < 1000000 THEN lpad(n::text,"
      " 6, '0') ELSE n::text END AS id, random() < " +
      std::to_string(kInboxOpenShare) + " AS open, CAST(floor(random() * " +
      std::to_string(kInboxRoles) + ") AS integer) AS k, " + std::to_string(s.now.seconds - kYear) +
      " + CAST(floor(random() * " + std::to_string(kYear) +
      ") AS bigint) AS updated FROM generate_series(" + std::to_string(first) + ", " +
      std::to_string(last) +
      ") AS n),"
      " r AS MATERIALIZED (SELECT g.*, 's' || lpad(k::text, 2, '0') AS state_name,"
      " 'r' || lpad(k::text, 2, '0') AS role, CASE WHEN open THEN 2 ELSE 3 END AS revision"
      " FROM g),"
      " ins AS (INSERT INTO instances (id, workflow, version, state, state_name, revision,"
      " submitter, body, created_at, updated_at, final) SELECT r.id, s.workflow, s.version,"
      " CASE WHEN r.open THEN " +
      std::to_string(s.first_state) +
      " + r.k ELSE s.state END,"
      " CASE WHEN r.open THEN r.state_name ELSE s.state_name END, r.revision, s.submitter,"
      " s.body, r.updated - 86400, r.updated, s.final FROM r JOIN instances s ON s.id = " +
      sample +
      "),"
      " wt AS (INSERT INTO waiting (instance, role, updated_at) SELECT id, role, updated FROM r"
      " WHERE open)"
      " INSERT INTO history (instance, seq, kind, action, actor, on_behalf_of, from_state,"
      " to_state, comment, payload, at, hash, prev_hash) SELECT r.id, h.seq, h.kind,"
      " CASE WHEN h.seq = 2 THEN 'route_' || r.state_name ELSE h.action END, h.actor,"
      " h.on_behalf_of, CASE WHEN h.seq = 3 THEN r.state_name ELSE h.from_state END,"
      " CASE WHEN h.seq = 2 THEN r.state_name ELSE h.to_state END, h.comment, h.payload,"
      " r.updated - (r.revision - h.seq) * 3600, md5(r.id || '/' || h.seq) || md5(h.seq || '/'"
      " || r.id), CASE WHEN h.seq = 1 THEN '' ELSE md5(r.id || '/' || (h.seq - 1)) ||"
      " md5((h.seq - 1) || '/' || r.id) END FROM r JOIN history h ON h.instance = " +
      sample);
}

double percentile(const std::vector<double>& sorted, double q) {
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

Latency measure(store::Store& db, const std::vector<std::vector<std::string>>& roles, int queries,
                int budget_seconds) {
  const auto check = [&](const std::vector<store::InstanceSummary>& rows, int u) {
    if (rows.empty() || rows.size() > static_cast<std::size_t>(kInboxLimit)) {
      fail("inbox of " + user_name(u), std::to_string(rows.size()) + " rows");
    }
    for (const store::InstanceSummary& row : rows) {
      const std::string role = "r" + row.state_name.substr(1);
      if (std::find(roles[u].begin(), roles[u].end(), role) == roles[u].end()) {
        fail("inbox of " + user_name(u), row.id + " in " + row.state_name + " is not theirs");
      }
    }
  };
  for (int u = 0; u < kUsers; ++u) {  // warm-up, and a check of every user's inbox
    check(must(db.inbox(roles[u], kInboxLimit), "inbox"), u);
  }
  std::vector<double> ms;
  long long rows = 0;
  const auto start = Clock::now();
  for (int q = 0; q < queries; ++q) {
    if (q >= kInboxMinQueries && seconds_since(start) > budget_seconds) break;
    const int u = q % kUsers;
    const auto t0 = Clock::now();
    auto result = db.inbox(roles[u], kInboxLimit);
    ms.push_back(seconds_since(t0) * 1e3);
    const std::vector<store::InstanceSummary> got = must(std::move(result), "inbox");
    check(got, u);
    rows += static_cast<long long>(got.size());
  }
  std::sort(ms.begin(), ms.end());
  Latency out;
  out.queries = static_cast<int>(ms.size());
  out.mean_rows = static_cast<double>(rows) / out.queries;
  out.p50_ms = percentile(ms, 0.50);
  out.p99_ms = percentile(ms, 0.99);
  out.max_ms = ms.back();
  return out;
}

}  // namespace

std::vector<Latency> run_inbox_bench(const std::string& url, const std::vector<int>& sizes,
                                     int queries, int budget_seconds) {
  auto db = must(store::Store::open(url), "cannot open " + url);
  SqlSession sql(url);
  if (sql.number("SELECT count(*) FROM instances") != 0) {
    fail("inbox benchmark", "the database " + url + " must be empty");
  }
  const Samples samples = prepare(*db);
  std::vector<std::vector<std::string>> roles;
  for (int u = 0; u < kUsers; ++u) {
    roles.push_back(must(db->principal(user_name(u), samples.now), "principal").roles);
  }
  sql.run("SELECT setseed(0.25)");  // the same items on every run

  std::vector<Latency> out;
  long long have = sql.number("SELECT count(*) FROM instances");
  for (int size : sizes) {
    const auto t0 = Clock::now();
    for (long long first = have + 1; first <= size; first += kBatch) {
      const long long last = std::min<long long>(size, first + kBatch - 1);
      fill(sql, samples, first, last);
      std::cerr << "bench: inbox: " << last << " items (" << static_cast<int>(seconds_since(t0))
                << " s)\n";
    }
    have = std::max<long long>(have, size);
    sql.run("UPDATE instance_counters SET next = " + std::to_string(have) +
            " WHERE workflow = " + quoted(kInboxName));
    for (const char* table : {"instances", "waiting", "history"}) {
      sql.run(std::string("VACUUM ANALYZE ") + table);
    }
    const double fill_seconds = seconds_since(t0);
    Latency latency = measure(*db, roles, queries, budget_seconds);
    latency.instances = sql.number("SELECT count(*) FROM instances");
    latency.waiting = sql.number("SELECT count(*) FROM waiting");
    latency.fill_seconds = fill_seconds;
    std::cerr << "bench: inbox at " << latency.instances << " items: p50 " << latency.p50_ms
              << " ms, p99 " << latency.p99_ms << " ms\n";
    out.push_back(latency);
  }
  return out;
}

}  // namespace dojang::runtime_bench
