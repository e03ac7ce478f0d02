// Deployed versions, the directory and principals.

#include "store_fixture.hpp"

namespace dojang::store::testing {
namespace {

constexpr std::int64_t kDay = 86400;

TEST_P(StoreTest, DeployMakesANewVersionOnlyWhenTheTextChanges) {
  auto store = open_store();
  ASSERT_TRUE(store);
  auto first = store->deploy("suggestion", "workflow suggestion { 제안 }", "aaa", engine::Date{10});
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->version, 1);
  EXPECT_TRUE(first->created);

  auto same = store->deploy("suggestion", "workflow suggestion { 제안 }", "aaa", engine::Date{20});
  ASSERT_TRUE(same);
  EXPECT_EQ(same->version, 1);
  EXPECT_FALSE(same->created);

  auto changed =
      store->deploy("suggestion", "workflow suggestion { 제안 v2 }", "bbb", engine::Date{30});
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->version, 2);
  EXPECT_TRUE(changed->created);
  ASSERT_TRUE(store->deploy("complaint", "workflow complaint {}", "ccc", engine::Date{40}));

  auto all = store->definitions();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].name, "complaint");
  EXPECT_EQ((*all)[1].name, "suggestion");
  EXPECT_EQ((*all)[1].version, 1);
  EXPECT_EQ((*all)[2].version, 2);
  EXPECT_EQ((*all)[2].deployed_at, engine::Date{30});

  auto latest = store->definition("suggestion", std::nullopt);
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->version, 2);
  EXPECT_EQ(latest->source, "workflow suggestion { 제안 v2 }");
  EXPECT_EQ(latest->hash, "bbb");
  auto old = store->definition("suggestion", 1);
  ASSERT_TRUE(old);
  EXPECT_EQ(old->source, "workflow suggestion { 제안 }");
  EXPECT_EQ(old->deployed_at, engine::Date{10});

  auto missing_version = store->definition("suggestion", 3);
  ASSERT_FALSE(missing_version);
  EXPECT_EQ(missing_version.error().code, Error::Code::NotFound);
  auto missing_name = store->definition("voc", std::nullopt);
  ASSERT_FALSE(missing_name);
  EXPECT_EQ(missing_name.error().code, Error::Code::NotFound);
}

Directory office_directory() {
  Directory d;
  d.people = {{"kim", "김민수", "혁신기획과", {"team_lead", "staff"}, "", ""},
              {"lee", "이영희", "감사실", {"auditor"}, "", ""},
              {"park", "박철수", "총무과", {"office_head"}, "", ""},
              {"choi", "최지훈", "총무과", {"city_reviewer"}, "", ""}};
  // kim acts for park during days 10..20, and acted for choi during days 1..5 (expired).
  d.deputies = {{"kim", "park", engine::Date{10 * kDay}, engine::Date{20 * kDay}},
                {"kim", "choi", engine::Date{1 * kDay}, engine::Date{5 * kDay}}};
  return d;
}

TEST_P(StoreTest, PrincipalHasRolesAndActiveDeputyshipsOnly) {
  auto store = open_store();
  ASSERT_TRUE(store);
  auto loaded = store->load_directory(office_directory());
  ASSERT_TRUE(loaded) << loaded.error().message;

  auto kim = store->principal("kim", engine::Date{12 * kDay});
  ASSERT_TRUE(kim) << kim.error().message;
  EXPECT_EQ(kim->user, "kim");
  EXPECT_EQ(kim->roles, (std::vector<std::string>{"staff", "team_lead"}));
  ASSERT_EQ(kim->acting_for.size(), 1u);
  EXPECT_EQ(kim->acting_for[0].user, "park");
  EXPECT_EQ(kim->acting_for[0].roles, std::vector<std::string>{"office_head"});

  auto at_end = store->principal("kim", engine::Date{20 * kDay});  // `to` is exclusive
  ASSERT_TRUE(at_end);
  EXPECT_TRUE(at_end->acting_for.empty());
  auto at_start = store->principal("kim", engine::Date{10 * kDay});
  ASSERT_TRUE(at_start);
  EXPECT_EQ(at_start->acting_for.size(), 1u);

  auto unknown = store->principal("nobody", engine::Date{12 * kDay});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, Error::Code::NotFound);
}

TEST_P(StoreTest, LoadingADirectoryReplacesTheOldOneOrNothing) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->load_directory(office_directory()));

  Directory broken = office_directory();
  broken.deputies.push_back({"kim", "ghost", engine::Date{0}, engine::Date{kDay}});
  auto refused = store->load_directory(broken);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Error::Code::Invalid);
  EXPECT_NE(refused.error().message.find("ghost"), std::string::npos);
  Directory twice = office_directory();
  twice.people.push_back(twice.people[0]);
  EXPECT_EQ(store->load_directory(twice).error().code, Error::Code::Invalid);
  EXPECT_TRUE(store->principal("lee", engine::Date{0}));  // the old directory is intact

  Directory smaller;
  smaller.people = {{"lee", "이영희", "감사실", {"auditor", "office_head"}, "", ""}};
  ASSERT_TRUE(store->load_directory(smaller));
  EXPECT_EQ(store->principal("kim", engine::Date{0}).error().code, Error::Code::NotFound);
  auto lee = store->principal("lee", engine::Date{0});
  ASSERT_TRUE(lee);
  EXPECT_EQ(lee->roles, (std::vector<std::string>{"auditor", "office_head"}));
}

}  // namespace
}  // namespace dojang::store::testing
