#include "store_fixture.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>

namespace dojang::store::testing {
namespace {

std::string unique_suffix() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(random() % 1000000);
}

bool keyword_form(const std::string& url) {
  std::size_t start = url.find("://") + 3;
  std::size_t eq = url.find('=', start);
  return eq != std::string::npos && url.find_first_of("/@?:", start) > eq;
}

// The same server and user, another database.
std::string with_database(const std::string& url, const std::string& database) {
  if (keyword_form(url)) return url + " dbname=" + database;
  std::size_t start = url.find("://") + 3;
  std::size_t path = url.find_first_of("/?", start);
  if (path == std::string::npos) return url + "/" + database;
  if (url[path] == '?') return url.substr(0, path) + "/" + database + url.substr(path);
  std::size_t end = url.find('?', path);
  return url.substr(0, path + 1) + database + (end == std::string::npos ? "" : url.substr(end));
}

}  // namespace

std::string pg_conninfo(const std::string& url) {
  return keyword_form(url) ? url.substr(url.find("://") + 3) : url;
}

std::string backend_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

void StoreTest::SetUp() {
  if (!postgres()) {
    m_dir = std::filesystem::temp_directory_path() / ("dojang-store-" + unique_suffix());
    std::filesystem::create_directories(m_dir);
    m_url = "sqlite:" + (m_dir / "test.db").string();
    return;
  }
  const char* env = std::getenv("DOJANG_TEST_PG");
  if (env == nullptr || *env == '\0') {
    FAIL() << "DOJANG_TEST_PG is not set, so the PostgreSQL store tests cannot run. Run "
              "scripts/test, or `scripts/pg-throwaway start /tmp/pgX` and export "
              "DOJANG_TEST_PG=<the URL it prints>.";
  }
  m_pg_admin = env;
  m_pg_database = "dojang_store_" + unique_suffix();
  try {
    soci::session admin(soci::postgresql, pg_conninfo(m_pg_admin));
    admin << "CREATE DATABASE " + m_pg_database;  // a generated name: digits and underscores
  } catch (const std::exception& e) {
    m_pg_database.clear();
    FAIL() << "cannot use the PostgreSQL server in DOJANG_TEST_PG=" << m_pg_admin << ": "
           << e.what();
  }
  m_url = with_database(m_pg_admin, m_pg_database);
}

void StoreTest::TearDown() {
  if (!m_dir.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
  }
  if (!m_pg_database.empty()) {
    try {
      soci::session admin(soci::postgresql, pg_conninfo(m_pg_admin));
      admin << "DROP DATABASE IF EXISTS " + m_pg_database + " WITH (FORCE)";
    } catch (const std::exception& e) {
      ADD_FAILURE() << "cannot drop test database " << m_pg_database << ": " << e.what();
    }
  }
}

std::unique_ptr<Store> StoreTest::open_store() {
  Result<std::unique_ptr<Store>> store = Store::open(m_url);
  EXPECT_TRUE(store.has_value()) << m_url << ": " << store.error().message;
  return store ? std::move(*store) : nullptr;
}

std::unique_ptr<soci::session> StoreTest::raw_session() {
  if (postgres()) return std::make_unique<soci::session>(soci::postgresql, pg_conninfo(m_url));
  return std::make_unique<soci::session>(soci::sqlite3,
                                         m_url.substr(std::string("sqlite:").size()));
}

engine::Step start_step(const std::string& id, engine::Date at) {
  engine::Step step;
  engine::Instance& in = step.instance;
  in.id = id;
  in.workflow = "innovation_task";
  in.version = 1;
  in.state = 0;
  in.slots = {engine::Value("Paperless filing"),
              engine::Value(12.5),
              engine::Value(),
              engine::Value(engine::Date{1700000000}),
              engine::Value(engine::Duration{14 * 86400}),
              engine::Value(
                  engine::ValueList{engine::Value(1), engine::Value("two"), engine::Value(true)})};
  in.revision = 1;
  in.submitter = "kim";
  in.timers = {{0, 0, engine::Date{at.seconds + 86400}}};
  in.created_at = at;
  in.updated_at = at;
  engine::HistoryEvent& ev = step.event;
  ev.seq = 1;
  ev.kind = "start";
  ev.action = "start";
  ev.actor = "kim";
  ev.to = "draft";
  ev.changes = {{"title", engine::Value("Paperless filing")}, {"budget", engine::Value(12.5)}};
  ev.at = at;
  step.notifications = {{"team_lead", "A new task waits for you"}};
  step.waiting_roles = {"team_lead"};
  return step;
}

engine::Step next_step(const engine::Instance& before, const std::string& action, engine::Date at) {
  engine::Step step;
  step.instance = before;
  engine::Instance& in = step.instance;
  in.revision = before.revision + 1;
  in.state = before.state + 1;
  in.trail.push_back(before.state);
  in.recall = engine::RecallWindow{before.state, before.submitter, in.revision};
  // A review a deputy gave for an absent member, and a declared conflict of interest.
  in.reviews.push_back(
      {0, "lee", {engine::Value(4), engine::Value(3.5)}, engine::Value(true), "park", false});
  in.reviews.push_back({0, "oh", {}, engine::Value(), "", true});
  in.timers = {{in.state, 1, engine::Date{at.seconds + 3600}}};
  in.updated_at = at;
  engine::HistoryEvent& ev = step.event;
  ev.seq = in.revision;
  ev.kind = "act";
  ev.action = action;
  ev.actor = "lee";
  ev.on_behalf_of = "park";
  ev.from = "state" + std::to_string(before.state);
  ev.to = "state" + std::to_string(in.state);
  ev.route = {"check_budget"};
  ev.comment = "looks fine";
  ev.notes = {"division by zero in score"};
  ev.at = at;
  step.notifications = {{"office", action + " done"}};
  step.waiting_roles = {"office", "office", "auditor"};
  return step;
}

long long count(soci::session& sql, const std::string& query) {
  long long n = -1;
  sql << query, soci::into(n);
  return n;
}

void expect_same_instance(const engine::Instance& actual, const engine::Instance& expected) {
  EXPECT_EQ(actual.id, expected.id);
  EXPECT_EQ(actual.workflow, expected.workflow);
  EXPECT_EQ(actual.version, expected.version);
  EXPECT_EQ(actual.state, expected.state);
  EXPECT_EQ(actual.slots, expected.slots);
  ASSERT_EQ(actual.reviews.size(), expected.reviews.size());
  for (std::size_t i = 0; i < actual.reviews.size(); ++i) {
    EXPECT_EQ(actual.reviews[i].block, expected.reviews[i].block);
    EXPECT_EQ(actual.reviews[i].reviewer, expected.reviews[i].reviewer);
    EXPECT_EQ(actual.reviews[i].scores, expected.reviews[i].scores);
    EXPECT_EQ(actual.reviews[i].vote, expected.reviews[i].vote);
    EXPECT_EQ(actual.reviews[i].on_behalf_of, expected.reviews[i].on_behalf_of);
    EXPECT_EQ(actual.reviews[i].recused, expected.reviews[i].recused);
  }
  EXPECT_EQ(actual.revision, expected.revision);
  EXPECT_EQ(actual.submitter, expected.submitter);
  EXPECT_EQ(actual.trail, expected.trail);
  EXPECT_EQ(actual.recall, expected.recall);
  EXPECT_EQ(actual.timers, expected.timers);
  EXPECT_EQ(actual.created_at, expected.created_at);
  EXPECT_EQ(actual.updated_at, expected.updated_at);
}

void expect_same_event(const engine::HistoryEvent& actual, const engine::HistoryEvent& expected) {
  EXPECT_EQ(actual.seq, expected.seq);
  EXPECT_EQ(actual.kind, expected.kind);
  EXPECT_EQ(actual.action, expected.action);
  EXPECT_EQ(actual.actor, expected.actor);
  EXPECT_EQ(actual.on_behalf_of, expected.on_behalf_of);
  EXPECT_EQ(actual.from, expected.from);
  EXPECT_EQ(actual.to, expected.to);
  EXPECT_EQ(actual.route, expected.route);
  EXPECT_EQ(actual.comment, expected.comment);
  EXPECT_EQ(actual.changes, expected.changes);
  EXPECT_EQ(actual.notes, expected.notes);
  EXPECT_EQ(actual.at, expected.at);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace dojang::store::testing
