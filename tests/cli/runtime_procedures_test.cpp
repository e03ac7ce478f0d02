// The main path of P3 knowledge, P6 learning_circle, P7 mileage, P8 vision_report and P9
// leading_group through the real `dojang`, on SQLite and PostgreSQL, with the people of
// examples/directory/office.csv: each item ends in its final state, `history` names every actor,
// and one wrong move per procedure is refused with its message, changing nothing.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/runtime_fixture.hpp"

namespace dojang::cli::test {
namespace {

using Sets = std::vector<std::string>;  // "name=value", each becomes --set name=value

class Procedures : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    if (HasFatalFailure()) return;
    deploy_office();
  }

  static void add_sets(std::vector<std::string>& args, const Sets& sets) {
    for (const std::string& s : sets) args.insert(args.end(), {"--set", s});
  }

  std::string start(const std::string& workflow, const std::string& user, const Sets& sets,
                    const std::string& now) const {
    std::vector<std::string> args{"start", workflow, "--as", user, "--now", now};
    add_sets(args, sets);
    return first_line(ok(args));
  }

  // `act ID ACTION --as USER`, which must succeed; its stdout.
  std::string act(const std::string& id, const std::string& action, const std::string& user,
                  const std::string& now, const Sets& sets = {}) const {
    std::vector<std::string> args{"act", id, action, "--as", user, "--now", now};
    add_sets(args, sets);
    return ok(args);
  }

  std::string review(const std::string& id, const std::string& user, const std::string& now,
                     const Sets& sets) const {
    std::vector<std::string> args{"review", id, "--as", user, "--now", now};
    add_sets(args, sets);
    return ok(args);
  }

  // A request that must be refused with `message`, leaving the item exactly as it was.
  void refused(const std::vector<std::string>& args, const std::string& id,
               const std::string& message) const {
    std::string const history_before = history_json(id);
    std::string const show_before = run({"show", id, "--json"}).out;
    Outcome const r = run(args);
    EXPECT_EQ(r.exit_code, 1) << joined(args) << "\n" << r.out;
    EXPECT_EQ(r.err, "dojang: " + message + "\n") << joined(args);
    EXPECT_EQ(history_json(id), history_before) << "the history changed";
    EXPECT_EQ(run({"show", id, "--json"}).out, show_before) << "the item changed";
  }

  // The item rests in the final state `state` at `revision`.
  void ends_in(const std::string& id, const std::string& state, const std::string& label,
               std::int64_t revision) const {
    boost::json::value const doc = json({"show", id});
    EXPECT_EQ(json_text(doc.at("state")), state);
    EXPECT_EQ(json_text(doc.at("state_label")), label);
    EXPECT_TRUE(doc.at("final").as_bool());
    EXPECT_EQ(doc.at("revision").as_int64(), revision);
  }

  // The heading of every event of `history`, without its number and time:
  // "act register  by jin.yerin".
  std::vector<std::string> event_headings(const std::string& id) const {
    std::vector<std::string> headings;
    for (const std::string& line : lines_of(ok({"history", id}))) {
      if (!line.starts_with("#")) continue;
      std::size_t const time = line.find("  ");
      std::size_t const rest = line.find("  ", time + 2);
      headings.push_back(rest == std::string::npos ? line : line.substr(rest + 2));
    }
    return headings;
  }

  // The number that the derived value `name` holds, in `show --json`.
  double derived(const std::string& id, const std::string& name) const {
    boost::json::value const doc = json({"show", id});
    for (const auto& d : doc.at("derived").as_array()) {
      if (json_text(d.at("name")) == name && d.at("value").is_number()) {
        return d.at("value").to_number<double>();
      }
    }
    ADD_FAILURE() << "no number " << name << " in " << boost::json::serialize(doc);
    return -1;
  }
};
DOJANG_RUNTIME_BACKENDS(Procedures);

TEST_P(Procedures, KnowledgeIsRatedByExpertsAndItsUseRewarded) {
  std::string const id =
      start("knowledge", "jin.yerin",
            {"title=민원서식 작성 요령", "category=work", "content=자주 틀리는 서식 항목과 예시"},
            "2007-03-05");
  EXPECT_EQ(id, "knowledge-000001");
  EXPECT_EQ(act(id, "register", "jin.yerin", "2007-03-05"),
            id + ": 지식품질 평가 (rating) — revision 2\n");
  review(id, "do.hyeonsu", "2007-03-08", {"accuracy=28", "usefulness=38", "originality=27"});
  review(id, "noh.eunseo", "2007-03-08", {"accuracy=27", "usefulness=36", "originality=25"});
  EXPECT_EQ(
      review(id, "ha.jaemin", "2007-03-09", {"accuracy=29", "usefulness=37", "originality=26"}),
      id + ": 핵심지식 DB 등재 (core) — revision 5\n");
  EXPECT_EQ(derived(id, "quality"), 91.0);

  // Core knowledge is rewarded only once it has been used.
  refused(
      {"act", id, "report_use", "--as", "pyo.jaeho", "--set", "uses=0", "--set", "usage=없음",
       "--now", "2007-04-02"},
      id,
      "the condition 'uses >= 1' does not hold (uses = 0), so 'report_use' cannot be taken now");

  EXPECT_EQ(act(id, "report_use", "pyo.jaeho", "2007-04-02",
                {"uses=12", "usage=민원실 서식 안내에 활용"}),
            id + ": 활용 보상 심사 (reward_review) — revision 6\n");
  EXPECT_EQ(act(id, "pay", "kim.sujin", "2007-04-03"),
            id + ": 보상 완료 (rewarded) — revision 7\n"
                 "  notify jin.yerin: '민원서식 작성 요령' 핵심지식 활용 보상: 최우수, "
                 "300,000원\n");
  ends_in(id, "rewarded", "보상 완료", 7);
  EXPECT_EQ(event_headings(id),
            (std::vector<std::string>{"start  by jin.yerin", "act register  by jin.yerin",
                                      "review  by do.hyeonsu", "review  by noh.eunseo",
                                      "review  by ha.jaemin", "act report_use  by pyo.jaeho",
                                      "act pay  by kim.sujin"}));
  EXPECT_TRUE(
      contains(ok({"history", id}),
               "지식품질 평가 (rating) → 핵심지식 선정 (selection) → 핵심지식 DB 등재 (core)"));
}

TEST_P(Procedures, ALearningCirclePresentsInJuneAndIsRewarded) {
  std::string const id = start(
      "learning_circle", "min.gyuri",
      {"circle=민원혁신연구회", "theme=민원 응대 사례", "members=12", "half=first"}, "2007-03-02");
  EXPECT_EQ(act(id, "register", "min.gyuri", "2007-03-02"),
            id + ": 학습활동 (activity) — revision 2\n");
  EXPECT_EQ(act(id, "report", "min.gyuri", "2007-04-30", {"monthly=4월 사례 토론"}),
            id + ": 학습활동 (activity) — revision 3\n");

  // The first half's presentation is in June.
  refused({"act", id, "present", "--as", "min.gyuri", "--set", "output=응대 사례집 초안", "--now",
           "2007-05-15"},
          id, "'present' can be taken only from 06-01 .. 06-30 (Korean time); today is 05-15");

  EXPECT_EQ(act(id, "present", "min.gyuri", "2007-06-20", {"output=응대 사례집 초안"}),
            id + ": 사례발표 심사 (judging) — revision 4\n");
  for (const char* judge : {"song.mira", "hwang.inho", "ahn.jisoo"}) {
    review(id, judge, "2007-06-25", {"content=36", "application=27", "presentation=27"});
  }
  EXPECT_EQ(act(id, "announce", "kim.sujin", "2007-06-28"),
            id + ": 우수 동아리 (excellent) — revision 8\n");
  EXPECT_EQ(act(id, "reward", "kim.sujin", "2007-06-29"),
            id + ": 포상 및 사례집 수록 (rewarded) — revision 9\n"
                 "  notify min.gyuri: '민원혁신연구회' 최우수 동아리 선정: 포상금 "
                 "500,000원, 사례집 수록\n");
  ends_in(id, "rewarded", "포상 및 사례집 수록", 9);
  EXPECT_EQ(event_headings(id),
            (std::vector<std::string>{
                "start  by min.gyuri", "act register  by min.gyuri", "act report  by min.gyuri",
                "act present  by min.gyuri", "review  by song.mira", "review  by hwang.inho",
                "review  by ahn.jisoo", "act announce  by kim.sujin", "act reward  by kim.sujin"}));
}

TEST_P(Procedures, AServiceCaseEarnsMileageAndBecomesTheMonthsMvp) {
  std::string const id =
      start("mileage", "jin.yerin",
            {"case_title=거동 불편 민원인 방문 발급", "kind=praise", "evidence=민원인 감사 편지"},
            "2007-05-02");
  EXPECT_EQ(act(id, "report", "jin.yerin", "2007-05-02"),
            id + ": 팀장 확인 (leader_check) — revision 2\n");

  // Only the head of her own team (곽진수 of 민원팀) confirms: 기획팀's head may not.
  refused(
      {"act", id, "confirm", "--as", "kim.sujin", "--set", "impact=high", "--now", "2007-05-03"},
      id,
      "'confirm' needs the head of the submitter's unit; you are kim.sujin, holding "
      "고객만족팀 (office), screener, head of 혁신기획단 기획팀");
  // The team head must say how much the case mattered.
  refused({"act", id, "confirm", "--as", "kwak.jinsu", "--set", "note=칭찬 편지 확인", "--now",
           "2007-05-03"},
          id, "fill in '서비스 효과' (impact) before 'confirm': it is required");

  EXPECT_EQ(act(id, "confirm", "kwak.jinsu", "2007-05-03", {"impact=high", "note=칭찬 편지 확인"}),
            id + ": 이달의 MVP 후보 (mvp_candidate) — revision 3\n");
  EXPECT_EQ(derived(id, "mileage.points"), 30.0);
  EXPECT_EQ(act(id, "select", "jung.hyewon", "2007-05-10"),
            id + ": 이달의 MVP (mvp) — revision 4\n"
                 "  notify jin.yerin: '거동 불편 민원인 방문 발급' 사례가 이달의 MVP로 "
                 "선정되었습니다: 기관장 표창, 연수 우선권\n");
  ends_in(id, "mvp", "이달의 MVP", 4);
  EXPECT_EQ(event_headings(id),
            (std::vector<std::string>{"start  by jin.yerin", "act report  by jin.yerin",
                                      "act confirm  by kwak.jinsu", "act select  by jung.hyewon"}));
}

TEST_P(Procedures, AQuarterlyVisionReportGoesToTheDeputyMayor) {
  std::string const id = start("vision_report", "byun.sejin",
                               {"task=역세권 균형발전", "term=2007년 1분기", "period=quarterly",
                                "progress=65", "finance_changed=false", "issues=보상 협의 지연"},
                               "2007-04-02");
  EXPECT_EQ(act(id, "submit", "byun.sejin", "2007-04-05"),
            id + ": T/F 점검 (tf_check) — revision 2\n");
  EXPECT_EQ(act(id, "pass", "kang.minseo", "2007-04-09"),
            id + ": 부구청장 보고 (분기) (deputy_report) — revision 3\n");

  // A quarterly report is heard by the deputy mayor, not the mayor.
  refused({"act", id, "accept", "--as", "hong.giljun", "--set", "directions=재검토", "--now",
           "2007-04-12"},
          id,
          "'accept' needs the role 부구청장 (deputy_mayor); you are hong.giljun, holding 구청장 "
          "(mayor), head of 강남구청");

  EXPECT_EQ(act(id, "accept", "ahn.jisoo", "2007-04-12",
                {"directions=보상 협의 일정을 다음 보고에 포함"}),
            id + ": 후속조치 (following) — revision 4\n"
                 "  notify byun.sejin: '역세권 균형발전' 2007년 1분기 보고 완료 (정상 "
                 "추진): 지시사항을 확인하세요\n");
  EXPECT_EQ(act(id, "complete", "byun.sejin", "2007-04-30", {"follow_up=협의 일정표 작성"}),
            id + ": 종결 (closed) — revision 5\n");
  ends_in(id, "closed", "종결", 5);
  EXPECT_EQ(event_headings(id),
            (std::vector<std::string>{"start  by byun.sejin", "act submit  by byun.sejin",
                                      "act pass  by kang.minseo", "act accept  by ahn.jisoo",
                                      "act complete  by byun.sejin"}));
  EXPECT_TRUE(contains(ok({"history", id}),
                       "T/F 점검 (tf_check) → 보고 대상 (report_to) → 부구청장 보고 (분기) "
                       "(deputy_report)"));
}

TEST_P(Procedures, ALeadingGroupsYearEndsWithItsIncentiveDisclosed) {
  std::string const id =
      start("leading_group", "seok.junhyuk",
            {"group=혁신리더", "members=20", "plan=부서별 혁신과제 발굴 지원"}, "2007-01-10");
  EXPECT_EQ(act(id, "submit", "seok.junhyuk", "2007-01-15"),
            id + ": 활동계획 검토 (plan_review) — revision 2\n");
  EXPECT_EQ(act(id, "approve", "kim.sujin", "2007-01-18"),
            id + ": 상반기 활동 (activity) — revision 3\n");
  EXPECT_EQ(act(id, "request_check", "seok.junhyuk", "2007-06-15", {"results=과제 12건 발굴"}),
            id + ": 서포터즈 중간점검 (interim_check) — revision 4\n");
  for (const char* supporter : {"woo.jiyoung", "cha.seunghwan", "eom.taeho"}) {
    review(id, supporter, "2007-06-25", {"progress=40", "direction=42", "vote=approve"});
  }
  EXPECT_EQ(derived(id, "interim"), 82.0);
  EXPECT_EQ(act(id, "report", "seok.junhyuk", "2007-11-20", {"results=과제 12건 발굴, 8건 실행"}),
            id + ": 성과평가 (evaluation) — revision 8\n");

  // A score out of its range.
  refused({"act", id, "evaluate", "--as", "woo.jiyoung", "--set", "participation=120", "--set",
           "ideas=85", "--set", "execution=88", "--set", "spread=80", "--now", "2007-11-28"},
          id, "'참여도' needs a number from 0 to 100; '120' is not");

  EXPECT_EQ(act(id, "evaluate", "woo.jiyoung", "2007-11-28",
                {"participation=90", "ideas=85", "execution=88", "spread=80"}),
            id + ": 인센티브 부여 (granting) — revision 9\n");
  EXPECT_EQ(act(id, "grant", "kim.sujin", "2007-12-05"),
            id + ": 인센티브 부여 및 성과 공시 (disclosed) — revision 10\n"
                 "  notify seok.junhyuk: '혁신리더' 그룹 성과평가 85.9점, A등급: 가점 1, "
                 "포상금 500,000원\n");
  ends_in(id, "disclosed", "인센티브 부여 및 성과 공시", 10);
  EXPECT_EQ(
      event_headings(id),
      (std::vector<std::string>{"start  by seok.junhyuk", "act submit  by seok.junhyuk",
                                "act approve  by kim.sujin", "act request_check  by seok.junhyuk",
                                "review  by woo.jiyoung", "review  by cha.seunghwan",
                                "review  by eom.taeho", "act report  by seok.junhyuk",
                                "act evaluate  by woo.jiyoung", "act grant  by kim.sujin"}));
}

}  // namespace
}  // namespace dojang::cli::test
