#pragma once
// One store test suite, run against every backend (like SOCI's own common tests): each test
// gets a fresh database, an SQLite file in a temp dir or a PostgreSQL database of its own in
// the server named by DOJANG_TEST_PG (scripts/test starts one and exports it).

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <memory>
#include <string>

#include "dojang/engine/runtime.hpp"
#include "dojang/store/store.hpp"

namespace dojang::store::testing {

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override;

  [[nodiscard]] bool postgres() const { return GetParam() == "postgresql"; }
  // A new Store on this test's database; fails the test when it cannot be opened.
  [[nodiscard]] std::unique_ptr<Store> open_store();
  // A plain SOCI session on this test's database, for what the store will not do (tampering).
  [[nodiscard]] std::unique_ptr<soci::session> raw_session();

  std::string m_url;  // this test's database, as a --db URL

 private:
  std::string m_pg_admin;  // DOJANG_TEST_PG
  std::string m_pg_database;
  std::filesystem::path m_dir;
};

// Steps built by hand, as engine::apply would produce them.
[[nodiscard]] engine::Step start_step(const std::string& id, engine::Date at);
[[nodiscard]] engine::Step next_step(const engine::Instance& before, const std::string& action,
                                     engine::Date at);

// The one number a query like "SELECT COUNT(*) ..." gives (-1 when it gives none).
[[nodiscard]] long long count(soci::session& sql, const std::string& query);

void expect_same_instance(const engine::Instance& actual, const engine::Instance& expected);
void expect_same_event(const engine::HistoryEvent& actual, const engine::HistoryEvent& expected);

// The libpq conninfo in a postgresql:// URL (SOCI's keyword form loses its scheme).
[[nodiscard]] std::string pg_conninfo(const std::string& url);

// Test names like "Commit/StoreTest.NewAndUpdate/sqlite".
std::string backend_name(const ::testing::TestParamInfo<std::string>& info);

}  // namespace dojang::store::testing
