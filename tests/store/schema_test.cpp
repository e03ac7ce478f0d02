// Opening a store: schema creation, migrations, URLs, unreachable servers, lost connections.

#include <unistd.h>

#include <filesystem>

#include "store_fixture.hpp"

namespace dojang::store::testing {
namespace {

TEST_P(StoreTest, CreatesTheSchemaAndReopensIt) {
  {
    auto store = open_store();
    ASSERT_TRUE(store);
    EXPECT_EQ(store->backend(), GetParam());
    EXPECT_EQ(store->schema_version(), 6);
    ASSERT_TRUE(store->deploy("leave", "workflow leave {}", "h1", engine::Date{100}));
  }
  for (int i = 0; i < 2; ++i) {  // reopening migrates nothing and keeps the data
    auto store = open_store();
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schema_version(), 6);
    auto definitions = store->definitions();
    ASSERT_TRUE(definitions) << definitions.error().message;
    ASSERT_EQ(definitions->size(), 1u);
    EXPECT_EQ((*definitions)[0].name, "leave");
  }
  auto raw = raw_session();
  EXPECT_EQ(count(*raw, "SELECT COUNT(*) FROM schema_version"), 6);  // versions 1 to 6
  EXPECT_EQ(count(*raw, "SELECT COUNT(*) FROM definitions"), 1);
}

TEST_P(StoreTest, Version6TakesEachItemsUnitFromItsBody) {
  ASSERT_TRUE(open_store());
  {
    // Back to version 5, with two items written then: one routed to 보건소, one without a unit.
    auto raw = raw_session();
    *raw << "DROP INDEX instances_by_unit";
    *raw << "ALTER TABLE instances DROP COLUMN unit";
    *raw << "DELETE FROM schema_version WHERE version = 6";
    for (const char* row :
         {"'c-1', '{\"unit\":\"health\",\"drafted_in\":\"general\"}'", "'c-2', '{\"state\":0}'"}) {
      *raw << std::string(
                  "INSERT INTO instances (id, body, workflow, version, state, state_name,"
                  " revision, submitter, created_at, updated_at, final, reminders)"
                  " VALUES (") +
                  row + ", 'complaint', 1, 0, 'receipt', 1, 'kim', 0, 0, 0, 0)";
    }
  }
  auto store = open_store();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), 6);
  auto raw = raw_session();
  std::string unit;
  *raw << "SELECT unit FROM instances WHERE id = 'c-1'", soci::into(unit);
  EXPECT_EQ(unit, "health");
  *raw << "SELECT unit FROM instances WHERE id = 'c-2'", soci::into(unit);
  EXPECT_EQ(unit, "");
  ListQuery q;
  q.units = {"health"};
  auto listed = store->list(q);
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, "c-1");
  EXPECT_EQ((*listed)[0].unit, "health");
}

TEST_P(StoreTest, RefusesASchemaNewerThanTheProgram) {
  ASSERT_TRUE(open_store());
  {
    auto raw = raw_session();
    *raw << "INSERT INTO schema_version (version, applied_at) VALUES (999, 0)";
  }
  auto store = Store::open(m_url);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Error::Code::Schema);
  EXPECT_NE(store.error().message.find("999"), std::string::npos) << store.error().message;
}

TEST_P(StoreTest, RejectsUrlsItCannotRead) {
  std::vector<std::string> bad = {"",        "dojang.db", "mysql://root@localhost/x",
                                  "sqlite:", "sqlite://", "sqlite:a\"b.db"};
  if (postgres()) {
    bad.push_back("postgresql://dojang@/db?no_such_option=1");
    bad.push_back("postgresql://dbname=x no_such_keyword=1");
  }
  for (const std::string& url : bad) {
    auto store = Store::open(url);
    ASSERT_FALSE(store) << url;
    EXPECT_EQ(store.error().code, Error::Code::BadUrl) << url << ": " << store.error().message;
    EXPECT_FALSE(store.error().message.empty());
  }
}

TEST_P(StoreTest, SaysClearlyWhenTheDatabaseCannotBeReached) {
  std::filesystem::path empty =
      std::filesystem::temp_directory_path() / ("dojang-nothing-" + std::to_string(::getpid()));
  std::filesystem::create_directories(empty);
  std::string url = postgres() ? "postgresql://dojang:secret@/dojang_test?host=" + empty.string()
                               : "sqlite:" + (empty / "missing" / "dir" / "x.db").string();
  auto store = Store::open(url);
  std::filesystem::remove_all(empty);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Error::Code::Unavailable);
  const std::string& message = store.error().message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  EXPECT_EQ(message.find("secret"), std::string::npos) << message;
  if (postgres()) {
    EXPECT_TRUE(message.starts_with("cannot connect to PostgreSQL at postgresql://dojang:***@"))
        << message;
    EXPECT_NE(message.find(empty.string()), std::string::npos) << message;
    EXPECT_NE(message.find("No such file or directory"), std::string::npos) << message;
  } else {
    EXPECT_TRUE(message.starts_with("cannot open the SQLite database")) << message;
  }
}

// Only a server connection can be lost: this one runs against PostgreSQL alone.
class ServerStoreTest : public StoreTest {};
INSTANTIATE_TEST_SUITE_P(Server, ServerStoreTest, ::testing::Values("postgresql"));

TEST_P(ServerStoreTest, ReconnectsOnTheCallAfterTheConnectionDied) {
  auto store = open_store();
  ASSERT_TRUE(store);
  {
    auto raw = raw_session();
    long long killed = 0;
    *raw << "SELECT COUNT(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()",
        soci::into(killed);
    ASSERT_EQ(killed, 1);
  }
  auto lost = store->instances(std::nullopt, 10);
  ASSERT_FALSE(lost);
  EXPECT_EQ(lost.error().code, Error::Code::Unavailable) << lost.error().message;
  auto again = store->instances(std::nullopt, 10);
  EXPECT_TRUE(again) << again.error().message;
}

}  // namespace
}  // namespace dojang::store::testing
