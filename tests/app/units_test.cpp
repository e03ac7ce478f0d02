// The organisation through the app, on SQLite and PostgreSQL: a directory with units, heads and
// roles held in a unit; a complaint routed to a division is handled there and nowhere else, its
// head approves, inboxes list it for those people only; bad directories and people refused.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dojang/app/app.hpp"
#include "store/store_fixture.hpp"

namespace dojang::app {
namespace {

using store::testing::StoreTest;

constexpr const char* kComplaint = R"(workflow complaint "민원" {
  roles {
    clerk   "민원접수 담당"
    handler "처리부서 담당자" in unit
  }

  fields {
    title      "제목"     text required
    department "처리부서" unit
    checker    "확인자"   person
    answer     "답변"     text
  }

  unit from department

  start receipt

  state receipt "접수" {
    on assign by clerk -> handling requires department sets department, checker
  }

  state handling "처리" {
    on answer by handler -> approval requires answer sets answer
  }

  state approval "결재" {
    on approve by head of unit -> closed notify submitter "'{title}' 처리 완료"
  }

  final closed "완료"
}
)";

constexpr const char* kOffice = R"([units]
id,name,parent,head
district,구청,,mayor.hong
general,총무과,district,head.yang
health,보건소,district,head.ryu

[people]
id,name,unit,position,roles
mayor.hong,홍길준,district,구청장,
head.yang,양지호,general,과장,
head.ryu,류소영,health,소장,
clerk.bae,배준서,general,주무관,clerk
nam.gihun,남기훈,general,주무관,handler@general
noh.eunseo,노은서,health,주무관,handler@health
)";

const engine::Date kT0{1172707200};  // 2007-03-01T00:00:00Z

class AppUnits : public StoreTest {
 protected:
  App ready() {
    auto app = App::open(m_url, fixed_clock(kT0));
    EXPECT_TRUE(app.has_value()) << (app ? "" : app.error().message);
    auto deployed = app->deploy({dsl::SourceFile("complaint.flow", kComplaint)});
    EXPECT_TRUE(deployed && deployed->ok());
    auto loaded = app->load_directory("office.csv", kOffice);
    EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : loaded.error().message);
    if (loaded) {
      EXPECT_EQ(loaded->units, 3u);
    }
    return std::move(*app);
  }

  static RequestInput act(const std::string& id, const std::string& action, const std::string& user,
                          std::vector<engine::Assignment> set = {}) {
    RequestInput in;
    in.request.kind = engine::Request::Kind::Act;
    in.request.action = action;
    in.request.set = std::move(set);
    in.instance = id;
    in.user = user;
    return in;
  }

  // A complaint received by the clerk of 총무과 and assigned to 보건소 (by its name).
  std::string assigned(App& app) {
    RequestInput start;
    start.request.kind = engine::Request::Kind::Start;
    start.request.set = {{"title", "소음 민원"}};
    start.workflow = "complaint";
    start.user = "clerk.bae";
    auto started = app.request(start);
    EXPECT_TRUE(started.has_value()) << (started ? "" : started.error().message);
    const std::string id = started ? started->id : "";
    auto sent = app.request(
        act(id, "assign", "clerk.bae", {{"department", "보건소"}, {"checker", "nam.gihun"}}));
    EXPECT_TRUE(sent.has_value()) << (sent ? "" : sent.error().message);
    return id;
  }

  static std::vector<std::string> inbox_ids(App& app, const std::string& user) {
    std::vector<std::string> out;
    auto inbox = app.inbox(user, 10);
    EXPECT_TRUE(inbox.has_value()) << (inbox ? "" : inbox.error().message);
    if (inbox) {
      for (const InboxEntry& e : *inbox) out.push_back(e.instance.id);
    }
    return out;
  }
};

TEST_P(AppUnits, AComplaintIsHandledByItsAssignedDivisionAndApprovedByItsHead) {
  App app = ready();
  const std::string id = assigned(app);
  auto shown = app.show(id, std::nullopt);
  ASSERT_TRUE(shown.has_value());
  EXPECT_EQ(shown->instance.unit, "health");

  // The handler of 보건소 sees it; the handler of 총무과 neither sees it nor may answer it.
  EXPECT_EQ(inbox_ids(app, "noh.eunseo"), std::vector<std::string>{id});
  EXPECT_TRUE(inbox_ids(app, "nam.gihun").empty());
  auto stranger = app.request(act(id, "answer", "nam.gihun", {{"answer", "조치함"}}));
  ASSERT_FALSE(stranger.has_value());
  EXPECT_EQ(stranger.error().kind, Error::Kind::Forbidden);  // a stranger to the unit
  EXPECT_EQ(stranger.error().code, "wrong_role");
  auto unchanged = app.show(id, std::nullopt);
  ASSERT_TRUE(unchanged.has_value());
  EXPECT_EQ(unchanged->instance.revision, 2);

  ASSERT_TRUE(app.request(act(id, "answer", "noh.eunseo", {{"answer", "조치함"}})));
  // The head of 보건소 approves; the head of 총무과 may not, and only the former sees it.
  EXPECT_EQ(inbox_ids(app, "head.ryu"), std::vector<std::string>{id});
  EXPECT_TRUE(inbox_ids(app, "head.yang").empty());
  auto other_head = app.request(act(id, "approve", "head.yang"));
  ASSERT_FALSE(other_head.has_value());
  EXPECT_EQ(other_head.error().code, "wrong_role");
  auto approved = app.request(act(id, "approve", "head.ryu"));
  ASSERT_TRUE(approved.has_value()) << approved.error().message;
  ASSERT_EQ(approved->notifications.size(), 1u);
  EXPECT_EQ(approved->notifications[0].role, "user:clerk.bae");  // the submitter hears
}

TEST_P(AppUnits, AListByUnitHoldsItsItemsAndThoseOfTheUnitsBelow) {
  App app = ready();
  const std::string routed = assigned(app);  // now 보건소's
  RequestInput start;
  start.request.kind = engine::Request::Kind::Start;
  start.request.set = {{"title", "가로등 민원"}};
  start.workflow = "complaint";
  start.user = "clerk.bae";
  auto kept = app.request(start);  // still 총무과's, where it was drafted
  ASSERT_TRUE(kept.has_value()) << kept.error().message;

  auto ids = [&](const std::string& unit) {
    ListQuery q;
    q.unit = unit;
    std::vector<std::string> out;
    auto page = app.list(q);
    EXPECT_TRUE(page.has_value()) << (page ? "" : page.error().message);
    if (page) {
      for (const ListEntry& e : page->items) out.push_back(e.summary.id);
      for (const ListEntry& e : page->items) EXPECT_FALSE(e.summary.unit.empty());
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(ids("보건소"), std::vector<std::string>{routed});     // by name
  EXPECT_EQ(ids("general"), std::vector<std::string>{kept->id});  // by id
  std::vector<std::string> both{routed, kept->id};
  std::sort(both.begin(), both.end());
  EXPECT_EQ(ids("구청"), both);  // the district holds the units below it

  ListQuery nowhere;
  nowhere.unit = "없는과";
  auto refused = app.list(nowhere);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, Error::Kind::BadInput);
  EXPECT_EQ(refused.error().message, "there is no unit '없는과' in the directory");
}

TEST_P(AppUnits, APersonFieldTakesOnlyPeopleOfTheDirectory) {
  App app = ready();
  RequestInput start;
  start.request.kind = engine::Request::Kind::Start;
  start.request.set = {{"title", "소음 민원"}};
  start.workflow = "complaint";
  start.user = "clerk.bae";
  auto started = app.request(start);
  ASSERT_TRUE(started.has_value());
  auto nobody = app.request(
      act(started->id, "assign", "clerk.bae", {{"department", "health"}, {"checker", "kim.x"}}));
  ASSERT_FALSE(nobody.has_value());
  EXPECT_EQ(nobody.error().code, "bad_value");
  EXPECT_NE(nobody.error().message.find("'kim.x' is nobody there"), std::string::npos)
      << nobody.error().message;
  auto no_unit = app.request(act(started->id, "assign", "clerk.bae", {{"department", "보건쏘"}}));
  ASSERT_FALSE(no_unit.has_value());
  EXPECT_EQ(no_unit.error().code, "bad_value");
  auto shown = app.show(started->id, std::nullopt);
  ASSERT_TRUE(shown.has_value());
  EXPECT_EQ(shown->instance.revision, 1);
  EXPECT_EQ(shown->instance.unit, "general");  // still where it was drafted
}

TEST_P(AppUnits, ABadDirectoryIsRefusedWithItsLinesAndLoadsNothing) {
  App app = ready();
  const std::string bad = R"([units]
id,name,parent,head
district,구청,nowhere,mayor.hong
loop_a,가과,loop_b,
loop_b,나과,loop_a,

[people]
id,name,unit,roles
mayor.hong,홍길준,district,
kim.x,김엑스,unknown_unit,clerk handler@elsewhere
lee.x,이엑스,district,clrek
)";
  auto loaded = app.load_directory("bad.csv", bad);
  ASSERT_FALSE(loaded.has_value());
  EXPECT_EQ(loaded.error().code, "invalid_directory");
  const std::vector<std::string>& problems = loaded.error().details;
  auto has = [&](const std::string& text) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(text) != std::string::npos; });
  };
  EXPECT_TRUE(has("bad.csv:3: unit 'district' is under 'nowhere', which is not in [units]"));
  EXPECT_TRUE(has("bad.csv:4: unit 'loop_a' is above itself"));
  EXPECT_TRUE(has("bad.csv:10: 'kim.x' is in unit 'unknown_unit', which is not in [units]"));
  EXPECT_TRUE(has("bad.csv:10: 'kim.x' holds 'handler' in 'elsewhere', which is not in [units]"));
  // The directory before is still the directory: noh.eunseo still handles 보건소's complaints.
  const std::string id = assigned(app);
  EXPECT_EQ(inbox_ids(app, "noh.eunseo"), std::vector<std::string>{id});
}

INSTANTIATE_TEST_SUITE_P(Backends, AppUnits, ::testing::Values("sqlite", "postgresql"),
                         store::testing::backend_name);

}  // namespace
}  // namespace dojang::app
