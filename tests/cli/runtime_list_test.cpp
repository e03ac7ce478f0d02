// `dojang list`: filters, pages with --limit and --offset, and what it refuses.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <string>

#include "cli/runtime_fixture.hpp"

namespace dojang::cli::test {
namespace {

class List : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    if (HasFatalFailure()) return;
    deploy_office();
  }
};
DOJANG_RUNTIME_BACKENDS(List);

TEST_P(List, MySubmissionsWordsAndPages) {
  const std::string a = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  const std::string b = start_task("yoon.seoyeon", "전자결재 확대", "2007-01-16");
  const std::string c = start_task("jang.woojin", "민원 안내 개선", "2007-01-17");

  const std::string mine = ok({"list", "--mine", "--as", "yoon.seoyeon"});
  EXPECT_TRUE(contains(mine, a) && contains(mine, b)) << mine;
  EXPECT_FALSE(contains(mine, c)) << mine;
  EXPECT_TRUE(contains(mine, "혁신과제")) << mine;  // the procedure's label
  EXPECT_TRUE(contains(mine, "전자결재 확대")) << mine;

  const boost::json::value words = json({"list", "--words", "민원"});
  EXPECT_EQ(words.at("items").as_array().size(), 2u) << boost::json::serialize(words);

  const std::string first = ok({"list", "--limit", "2"});
  EXPECT_TRUE(contains(first, "items 1–2; the next page: --offset 2")) << first;
  const boost::json::value rest = json({"list", "--limit", "2", "--offset", "2"});
  ASSERT_EQ(rest.at("items").as_array().size(), 1u);
  EXPECT_EQ(json_text(rest.at("items").as_array()[0].at("id")), a);  // the oldest last
  EXPECT_FALSE(rest.at("more").as_bool());

  const boost::json::value days = json({"list", "--from", "2007-01-16", "--to", "2007-01-16"});
  ASSERT_EQ(days.at("items").as_array().size(), 1u);
  EXPECT_EQ(json_text(days.at("items").as_array()[0].at("id")), b);
  EXPECT_EQ(ok({"list", "--finished"}), "no item matches\n");
}

TEST_P(List, ByUnitWithTheUnitsBelow) {
  // A complaint drafted at 민원여권과 민원팀 and assigned to 총무과; a good-service case of 민원팀.
  const std::string complaint =
      first_line(ok({"start", "complaint", "--as", "bae.junseo", "--set", "title=무인발급기 고장",
                     "--set", "content=고장", "--set", "citizen=홍길동", "--set", "channel=online",
                     "--now", "2007-02-01"}));
  ok({"act", complaint, "assign", "--as", "bae.junseo", "--set", "department=총무과", "--now",
      "2007-02-01"});
  const std::string service = first_line(
      ok({"start", "mileage", "--as", "jin.yerin", "--set", "case_title=방문 발급", "--set",
          "kind=praise", "--set", "evidence=감사 편지", "--now", "2007-02-02"}));

  const boost::json::value general = json({"list", "--unit", "총무과"});
  ASSERT_EQ(general.at("items").as_array().size(), 1u) << boost::json::serialize(general);
  EXPECT_EQ(json_text(general.at("items").as_array()[0].at("id")), complaint);
  EXPECT_EQ(json_text(general.at("items").as_array()[0].at("unit")), "general_affairs");
  // 민원여권과 holds its team's items; the complaint has left for 총무과.
  const std::string civil = ok({"list", "--unit", "civil_affairs"});
  EXPECT_TRUE(contains(civil, service)) << civil;
  EXPECT_FALSE(contains(civil, complaint)) << civil;
  EXPECT_EQ(json({"list", "--unit", "district"}).at("items").as_array().size(), 2u);

  const Outcome nowhere = run({"list", "--unit", "없는과"});
  EXPECT_EQ(nowhere.exit_code, 2);
  EXPECT_EQ(nowhere.err, "dojang: there is no unit '없는과' in the directory\n");
}

TEST_P(List, BadFiltersAreRefusedWithOneLine) {
  for (const auto& args : std::vector<std::vector<std::string>>{{"list", "--mine"},
                                                                {"list", "--limit", "0"},
                                                                {"list", "--from", "2007-02-30"},
                                                                {"list", "--finished", "--open"}}) {
    SCOPED_TRACE(args.back());
    const Outcome r = run(args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
  }
  EXPECT_TRUE(contains(run({"list", "--from", "2007-02-30"}).err, "2007-02-30 does not exist"));
}

}  // namespace
}  // namespace dojang::cli::test
