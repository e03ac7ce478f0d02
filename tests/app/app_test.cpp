// The use cases in process, on a fresh SQLite file and a fresh PostgreSQL database each, with a
// fixed clock: what a front end gets back, and that a refusal changes nothing.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dojang/app/app.hpp"
#include "dojang/engine/replay.hpp"
#include "store/store_fixture.hpp"

namespace dojang::app {
namespace {

using store::testing::StoreTest;

constexpr const char* kLeave = R"(workflow leave "휴가 신청" {
  roles {
    staff  "직원"
    leader "팀장"
  }

  fields {
    title "제목"      text required
    days  "일수"      number required
    note  "팀장 의견" text
  }

  start draft

  state draft "작성" {
    on submit by staff -> review recallable
  }

  state review "팀장 검토" {
    on approve by leader -> approved sets note not by submitter
    on send_back by leader return_to draft with comment
    deadline 3d -> notify leader "'{title}' 검토 기한이 지났습니다"
    after 10d -> lapsed
  }

  final approved "승인"
  final lapsed   "기한 경과"
}
)";

constexpr const char* kPeople = R"([people]
id,name,department,roles
kim.sujin,김수진,기획팀,staff
park.jiyeon,박지연,기획팀,leader
lee.junho,이준호,기획팀,staff leader
choi.minho,최민호,기획팀,staff
)";

constexpr std::int64_t kDay = 86400;
const engine::Date kT0{1170288000};  // 2007-02-01T00:00:00Z

class AppTest : public StoreTest {
 protected:
  // An App on this test's database whose clock says `at`.
  App open_at(engine::Date at = kT0) {
    auto app = App::open(m_url, fixed_clock(at));
    EXPECT_TRUE(app.has_value()) << (app ? "" : app.error().message);
    return std::move(*app);
  }

  // The leave procedure deployed and the people loaded.
  App ready() {
    App app = open_at();
    auto deployed = app.deploy({dsl::SourceFile("leave.flow", kLeave)});
    EXPECT_TRUE(deployed && deployed->ok());
    auto loaded = app.load_directory("people.csv", kPeople);
    EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : loaded.error().message);
    return app;
  }

  static RequestInput start_input(const std::string& user, const std::string& key = "") {
    RequestInput in;
    in.request.kind = engine::Request::Kind::Start;
    in.request.set = {{"title", "2월 연가"}, {"days", "3"}};
    in.workflow = "leave";
    in.user = user;
    in.key = key;
    return in;
  }

  static RequestInput act_input(const std::string& id, const std::string& action,
                                const std::string& user) {
    RequestInput in;
    in.request.kind = engine::Request::Kind::Act;
    in.request.action = action;
    in.instance = id;
    in.user = user;
    return in;
  }

  // Started by kim and submitted: leave-1 waiting for a leader, revision 2.
  std::string submitted(App& app) {
    auto started = app.request(start_input("kim.sujin"));
    EXPECT_TRUE(started.has_value()) << (started ? "" : started.error().message);
    auto sent = app.request(act_input(started->id, "submit", "kim.sujin"));
    EXPECT_TRUE(sent.has_value()) << (sent ? "" : sent.error().message);
    return started->id;
  }

  static std::size_t history_size(App& app, const std::string& id) {
    auto h = app.history(id);
    EXPECT_TRUE(h.has_value());
    return h ? h->events.size() : 0;
  }
};

TEST_P(AppTest, AnItemIsStartedSentOnAndApprovedWithItsLabels) {
  App app = ready();
  const std::string id = submitted(app);
  EXPECT_EQ(id, "leave-000001");

  auto as_leader = app.show(id, std::string("park.jiyeon"));
  ASSERT_TRUE(as_leader.has_value()) << as_leader.error().message;
  EXPECT_EQ(as_leader->procedure.definition->label, "휴가 신청");
  ASSERT_TRUE(as_leader->actions.has_value());
  EXPECT_EQ(*as_leader->actions, (std::vector<std::string>{"approve", "send_back"}));

  auto inbox = app.inbox("park.jiyeon", 10);
  ASSERT_TRUE(inbox.has_value());
  ASSERT_EQ(inbox->size(), 1u);
  EXPECT_EQ(inbox->front().instance.id, id);
  auto nothing = app.inbox("kim.sujin", 10);
  ASSERT_TRUE(nothing.has_value());
  EXPECT_TRUE(nothing->empty());

  RequestInput approve = act_input(id, "approve", "park.jiyeon");
  approve.request.set = {{"note", "승인합니다"}};
  auto approved = app.request(approve);
  ASSERT_TRUE(approved.has_value()) << approved.error().message;
  EXPECT_EQ(approved->event.to, "approved");
  EXPECT_EQ(approved->event.seq, 3);
  ASSERT_TRUE(approved->instance.has_value());
  EXPECT_EQ(approved->instance->revision, 3);
  EXPECT_EQ(history_size(app, id), 3u);

  auto audit = app.audit(std::nullopt);
  ASSERT_TRUE(audit.has_value());
  EXPECT_TRUE(audit->ok());
  EXPECT_EQ(audit->instances, 1);
}

TEST_P(AppTest, ARefusedStartTakesNoItemNumber) {
  App app = ready();
  RequestInput bad = start_input("kim.sujin");
  bad.request.set[1].text = "사흘";  // days is a number
  auto refused = app.request(bad);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
  EXPECT_EQ(refused.error().code, "bad_value");
  EXPECT_NE(refused.error().message.find("일수"), std::string::npos) << refused.error().message;

  auto started = app.request(start_input("kim.sujin"));
  ASSERT_TRUE(started.has_value()) << started.error().message;
  EXPECT_EQ(started->id, "leave-000001");
}

TEST_P(AppTest, AWrongPersonIsForbiddenAndNothingChanges) {
  App app = ready();
  const std::string id = submitted(app);
  auto own = app.request(act_input(id, "approve", "lee.junho"));  // a leader, but not kim's
  ASSERT_TRUE(own.has_value()) << own.error().message;            // (not by submitter: kim)

  const std::string second = submitted(app);
  auto by_staff = app.request(act_input(second, "approve", "kim.sujin"));
  ASSERT_FALSE(by_staff.has_value());
  EXPECT_EQ(by_staff.error().kind, Error::Kind::Forbidden);
  EXPECT_FALSE(by_staff.error().message.empty());
  auto after = app.show(second, std::nullopt);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->instance.revision, 2);
  EXPECT_EQ(after->instance.state, after->procedure.definition->state_index("review"));
  EXPECT_EQ(history_size(app, second), 2u);
}

TEST_P(AppTest, AStaleRevisionIsAConflict) {
  App app = ready();
  const std::string id = submitted(app);
  RequestInput stale = act_input(id, "approve", "park.jiyeon");
  stale.request.expected_revision = 1;
  auto refused = app.request(stale);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, Error::Kind::Conflict);
  EXPECT_EQ(history_size(app, id), 2u);
}

TEST_P(AppTest, AKeyGivesItsFirstResultAgainAndRefusesAnotherRequest) {
  App app = ready();
  auto first = app.request(start_input("kim.sujin", "k-1"));
  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_FALSE(first->replayed);
  auto again = app.request(start_input("kim.sujin", "k-1"));
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(app.show("leave-000002", std::nullopt).error().kind, Error::Kind::NotFound);

  RequestInput other = act_input(first->id, "submit", "kim.sujin");
  other.key = "k-1";
  auto reused = app.request(other);
  ASSERT_FALSE(reused.has_value());
  EXPECT_EQ(reused.error().kind, Error::Kind::Conflict);
  EXPECT_EQ(reused.error().code, "key_reused");
  EXPECT_EQ(history_size(app, first->id), 1u);
}

TEST_P(AppTest, AKeyUsedAgainWithOtherValuesIsRefusedAndChangesNothing) {
  App app = ready();
  auto first = app.request(start_input("kim.sujin", "k-2"));
  ASSERT_TRUE(first.has_value()) << first.error().message;
  RequestInput other = start_input("kim.sujin", "k-2");
  other.request.set[1].text = "5";  // five days, not three
  auto reused = app.request(other);
  ASSERT_FALSE(reused.has_value());
  EXPECT_EQ(reused.error().kind, Error::Kind::Conflict);
  EXPECT_EQ(reused.error().code, "key_reused");
  EXPECT_NE(reused.error().message.find("other values"), std::string::npos);
  EXPECT_EQ(app.show("leave-000002", std::nullopt).error().kind, Error::Kind::NotFound);
  auto shown = app.show(first->id, std::nullopt);
  ASSERT_TRUE(shown.has_value());
  EXPECT_EQ(engine::field_values(*shown->procedure.definition, shown->instance)[1],
            engine::Value(3.0));

  // The same values in another order are the same request.
  RequestInput same = start_input("kim.sujin", "k-2");
  std::swap(same.request.set[0], same.request.set[1]);
  auto again = app.request(same);
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_TRUE(again->replayed);
}

TEST_P(AppTest, UnknownPeopleItemsAndProceduresAreNotFound) {
  App app = ready();
  auto nobody = app.request(start_input("no.one"));
  ASSERT_FALSE(nobody.has_value());
  EXPECT_EQ(nobody.error().kind, Error::Kind::NotFound);
  EXPECT_EQ(nobody.error().code, "unknown_user");

  EXPECT_EQ(app.show("leave-9", std::nullopt).error().kind, Error::Kind::NotFound);
  EXPECT_EQ(app.history("leave-9").error().message, "no item 'leave-9'");
  RequestInput unknown = start_input("kim.sujin");
  unknown.workflow = "holiday";
  auto none = app.request(unknown);
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().kind, Error::Kind::NotFound);
  EXPECT_EQ(none.error().message, "no procedure 'holiday' is deployed");
}

TEST_P(AppTest, AFileWithErrorsDeploysNothing) {
  App app = open_at();
  std::string broken = kLeave;
  broken.replace(broken.find("-> approved"), 11, "-> approvd");
  auto report = app.deploy({dsl::SourceFile("leave.flow", broken)});
  ASSERT_TRUE(report.has_value());
  EXPECT_FALSE(report->compiled_ok());
  EXPECT_TRUE(report->deployed.empty());
  auto listed = app.definitions();
  ASSERT_TRUE(listed.has_value());
  EXPECT_TRUE(listed->empty());
}

TEST_P(AppTest, ADirectoryWithProblemsLoadsNothing) {
  App app = ready();
  const std::string twice = std::string(kPeople) + "kim.sujin,김수진,기획팀,leader\n";
  auto loaded = app.load_directory("people.csv", twice);
  ASSERT_FALSE(loaded.has_value());
  EXPECT_EQ(loaded.error().code, "invalid_directory");
  ASSERT_EQ(loaded.error().details.size(), 1u);
  EXPECT_NE(loaded.error().details[0].find("appears twice"), std::string::npos);
  // The directory before is still the directory: kim is staff, not a leader.
  const std::string id = submitted(app);
  EXPECT_EQ(app.request(act_input(id, "approve", "kim.sujin")).error().kind,
            Error::Kind::Forbidden);
}

TEST_P(AppTest, TimersFireByTheClockOnce) {
  std::string id;
  {
    App app = ready();
    id = submitted(app);
  }
  App early = open_at(engine::Date{kT0.seconds + kDay});
  auto nothing = early.tick(100);
  ASSERT_TRUE(nothing.has_value());
  EXPECT_EQ(nothing->fired(), 0u);

  App late = open_at(engine::Date{kT0.seconds + 11 * kDay});
  auto ticked = late.tick(100);
  ASSERT_TRUE(ticked.has_value()) << ticked.error().message;
  EXPECT_EQ(ticked->failed(), 0u);
  EXPECT_GE(ticked->fired(), 1u);
  auto shown = late.show(id, std::nullopt);
  ASSERT_TRUE(shown.has_value());
  EXPECT_EQ(shown->instance.state, shown->procedure.definition->state_index("lapsed"));
  auto again = late.tick(100);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->fired(), 0u);
}

TEST_P(AppTest, AuditFindsAnItemThatDisagreesWithItsHistory) {
  App app = ready();
  const std::string id = submitted(app);
  ASSERT_TRUE(app.audit(id)->ok());
  {
    auto sql = raw_session();
    *sql << "UPDATE instances SET state = 0, state_name = 'draft' WHERE id = '" + id + "'";
  }
  auto audit = app.audit(std::nullopt);
  ASSERT_TRUE(audit.has_value());
  ASSERT_EQ(audit->problems.size(), 1u);
  EXPECT_EQ(audit->problems[0].instance, id);
  EXPECT_NE(audit->problems[0].reason.find("'draft'"), std::string::npos)
      << audit->problems[0].reason;
  EXPECT_NE(audit->problems[0].reason.find("'review'"), std::string::npos);
}

// ---- owners and write rights ----------------------------------------------------------------

TEST_P(AppTest, AStarterCannotFillInALaterStepsField) {
  App app = ready();
  RequestInput start = start_input("kim.sujin");
  start.request.set.push_back({"note", "승인합니다"});  // the leader's opinion, set by 'approve'
  auto refused = app.request(start);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, "not_settable");
  EXPECT_NE(refused.error().message.find("'팀장 의견' (note) is filled in later, by 'approve'"),
            std::string::npos)
      << refused.error().message;
  EXPECT_EQ(app.show("leave-000001", std::nullopt).error().kind, Error::Kind::NotFound);
}

TEST_P(AppTest, OnlyTheDrafterOrTheirDeputySendsTheDraft) {
  App app = ready();
  auto started = app.request(start_input("kim.sujin"));
  ASSERT_TRUE(started.has_value());
  const std::string id = started->id;
  for (const char* other : {"choi.minho", "lee.junho"}) {  // staff, but not the drafter
    auto refused = app.request(act_input(id, "submit", other));
    ASSERT_FALSE(refused.has_value()) << other;
    EXPECT_EQ(refused.error().kind, Error::Kind::Forbidden);
    EXPECT_EQ(refused.error().code, "not_owner");
    EXPECT_NE(refused.error().message.find("kim.sujin"), std::string::npos);
  }
  EXPECT_EQ(history_size(app, id), 1u);
  auto inbox = app.inbox("choi.minho", 10);
  ASSERT_TRUE(inbox.has_value());
  EXPECT_TRUE(inbox->empty());

  // choi stands in for kim this month: the draft is theirs to send, on kim's behalf.
  auto loaded =
      app.load_directory("people.csv", std::string(kPeople) +
                                           "[deputies]\ndeputy,for,from,to\n"
                                           "choi.minho,kim.sujin,2007-01-25,2007-02-28\n");
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
  auto sent = app.request(act_input(id, "submit", "choi.minho"));
  ASSERT_TRUE(sent.has_value()) << sent.error().message;
  EXPECT_EQ(sent->event.actor, "choi.minho");
  EXPECT_EQ(sent->event.on_behalf_of, "kim.sujin");
  EXPECT_EQ(sent->instance->submitter, "kim.sujin");
}

TEST_P(AppTest, AReturnedDraftIsCorrectedByItsDrafterAndSentAgain) {
  App app = ready();
  const std::string id = submitted(app);
  RequestInput back = act_input(id, "send_back", "park.jiyeon");
  back.request.comment = "일수를 확인해 주세요";
  ASSERT_TRUE(app.request(back).has_value());
  auto inbox = app.inbox("kim.sujin", 10);  // the drafter's returned item is in their inbox
  ASSERT_TRUE(inbox.has_value());
  ASSERT_EQ(inbox->size(), 1u);
  EXPECT_EQ(inbox->front().instance.id, id);

  RequestInput edit = act_input(id, "edit", "park.jiyeon");
  edit.request.set = {{"days", "2"}};
  auto stranger = app.request(edit);
  ASSERT_FALSE(stranger.has_value());
  EXPECT_EQ(stranger.error().code, "not_owner");

  edit.user = "kim.sujin";
  auto edited = app.request(edit);
  ASSERT_TRUE(edited.has_value()) << edited.error().message;
  EXPECT_EQ(edited->event.to, "draft");
  ASSERT_EQ(edited->event.changes.size(), 1u);
  EXPECT_EQ(edited->event.changes[0].first, "days");

  RequestInput not_hers = act_input(id, "edit", "kim.sujin");
  not_hers.request.set = {{"note", "x"}};
  EXPECT_EQ(app.request(not_hers).error().code, "not_settable");

  RequestInput again = act_input(id, "submit", "kim.sujin");
  again.request.set = {{"title", "2월 연가 (수정)"}};  // corrected as it is sent
  auto sent = app.request(again);
  ASSERT_TRUE(sent.has_value()) << sent.error().message;
  EXPECT_EQ(sent->event.to, "review");
  EXPECT_EQ(history_size(app, id), 5u);
  ASSERT_TRUE(app.audit(id)->ok());
}

TEST_P(AppTest, AWithdrawnDraftIsClosedForGood) {
  std::string id;
  {
    App app = ready();
    auto started = app.request(start_input("kim.sujin"));
    ASSERT_TRUE(started.has_value());
    id = started->id;
    EXPECT_EQ(app.request(act_input(id, "withdraw", "choi.minho")).error().code, "not_owner");
    RequestInput withdraw = act_input(id, "withdraw", "kim.sujin");
    withdraw.request.comment = "일정 변경";
    auto done = app.request(withdraw);
    ASSERT_TRUE(done.has_value()) << done.error().message;
    EXPECT_EQ(done->event.kind, "withdraw");
  }
  App later = open_at(engine::Date{kT0.seconds + kDay});
  auto shown = later.show(id, std::string("kim.sujin"));
  ASSERT_TRUE(shown.has_value());
  EXPECT_TRUE(shown->instance.withdrawn);
  EXPECT_TRUE(shown->actions->empty());
  auto refused = later.request(act_input(id, "submit", "kim.sujin"));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, "already_final");
  EXPECT_EQ(history_size(later, id), 2u);
  auto inbox = later.inbox("kim.sujin", 10);
  ASSERT_TRUE(inbox.has_value());
  EXPECT_TRUE(inbox->empty());

  auto sent = later.request(act_input(submitted(later), "withdraw", "kim.sujin"));
  ASSERT_FALSE(sent.has_value());  // sent on: no longer a draft (recall it first)
  EXPECT_EQ(sent.error().code, "unknown_action");
}

TEST_P(AppTest, AnOpinionIsRecordedWithoutMovingTheItem) {
  App app = ready();
  const std::string id = submitted(app);
  RequestInput opinion = act_input(id, "comment", "park.jiyeon");
  opinion.request.comment = "다음 주 일정과 겹칩니다";
  auto added = app.request(opinion);
  ASSERT_TRUE(added.has_value()) << added.error().message;
  EXPECT_EQ(added->event.kind, "comment");
  EXPECT_EQ(added->event.to, "review");
  EXPECT_EQ(added->event.comment, "다음 주 일정과 겹칩니다");

  opinion.user = "kim.sujin";  // the drafter too
  ASSERT_TRUE(app.request(opinion).has_value());
  opinion.user = "choi.minho";  // neither the drafter nor anyone who may act now
  auto stranger = app.request(opinion);
  ASSERT_FALSE(stranger.has_value());
  EXPECT_EQ(stranger.error().kind, Error::Kind::Forbidden);
  RequestInput empty = act_input(id, "comment", "park.jiyeon");
  EXPECT_EQ(app.request(empty).error().code, "missing_comment");
  EXPECT_EQ(history_size(app, id), 4u);
  auto shown = app.show(id, std::nullopt);
  EXPECT_EQ(shown->instance.state, shown->procedure.definition->state_index("review"));
}

// ---- lists ------------------------------------------------------------------------------------

TEST_P(AppTest, AListFiltersByDrafterStateDayAndWordsAndPages) {
  App app = ready();
  const std::string first = submitted(app);  // kim's, then approved below
  RequestInput trip = start_input("lee.junho");
  trip.request.set[0].text = "3월 출장";
  auto second = app.request(trip);
  ASSERT_TRUE(second.has_value());
  ASSERT_TRUE(app.request(act_input(first, "approve", "park.jiyeon")).has_value());

  auto ids = [&](const ListQuery& q) {
    std::vector<std::string> out;
    auto page = app.list(q);
    EXPECT_TRUE(page.has_value()) << (page ? "" : page.error().message);
    if (page) {
      for (const ListEntry& e : page->items) out.push_back(e.summary.id);
    }
    return out;
  };
  EXPECT_EQ(ids({}).size(), 2u);
  ListQuery mine;
  mine.submitter = "kim.sujin";
  EXPECT_EQ(ids(mine), std::vector<std::string>{first});
  ListQuery done;
  done.finished = true;
  EXPECT_EQ(ids(done), std::vector<std::string>{first});
  done.finished = false;
  EXPECT_EQ(ids(done), std::vector<std::string>{second->id});
  ListQuery drafts;
  drafts.state = "draft";
  EXPECT_EQ(ids(drafts), std::vector<std::string>{second->id});
  ListQuery words;
  words.words = "출장 3월";
  auto found = app.list(words);
  ASSERT_TRUE(found.has_value());
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->items[0].title, "3월 출장");
  words.words = "출장 4월";
  EXPECT_TRUE(ids(words).empty());

  ListQuery one;
  one.limit = 1;
  auto page1 = app.list(one);
  ASSERT_TRUE(page1.has_value());
  EXPECT_EQ(page1->items.size(), 1u);
  EXPECT_TRUE(page1->more);
  one.offset = 1;
  auto page2 = app.list(one);
  ASSERT_TRUE(page2.has_value());
  ASSERT_EQ(page2->items.size(), 1u);
  EXPECT_FALSE(page2->more);
  EXPECT_NE(page2->items[0].summary.id, page1->items[0].summary.id);

  ListQuery days;  // both started 2007-02-01 09:00 Korea time
  days.from_day = "2007-02-01";
  days.to_day = "2007-02-01";
  EXPECT_EQ(ids(days).size(), 2u);
  days.from_day = "2007-02-02";
  days.to_day.reset();
  EXPECT_TRUE(ids(days).empty());

  ListQuery bad;
  bad.limit = 0;
  EXPECT_EQ(app.list(bad).error().kind, Error::Kind::BadInput);
  bad.limit = 10;
  bad.from_day = "2007-02-30";
  auto no_day = app.list(bad);
  ASSERT_FALSE(no_day.has_value());
  EXPECT_EQ(no_day.error().message, "2007-02-30 does not exist");
}

INSTANTIATE_TEST_SUITE_P(Backends, AppTest, ::testing::Values("sqlite", "postgresql"),
                         store::testing::backend_name);

TEST(AppOpen, AStoreThatCannotBeReachedIsUnavailable) {
  auto nowhere = App::open("postgresql://nobody@/nothing?host=/nonexistent-dir", system_clock());
  ASSERT_FALSE(nowhere.has_value());
  EXPECT_EQ(nowhere.error().kind, Error::Kind::Unavailable);
  auto nonsense = App::open("mysql://x", system_clock());
  ASSERT_FALSE(nonsense.has_value());
  EXPECT_EQ(nonsense.error().kind, Error::Kind::Unavailable);
  EXPECT_EQ(nonsense.error().code, "bad_url");
}

}  // namespace
}  // namespace dojang::app

namespace dojang::store::testing {
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StoreTest);
}
