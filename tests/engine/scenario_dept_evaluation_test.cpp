// P5 창의혁신 우수부서 평가 (workflows/dept_evaluation.flow), walked through the engine: 28 units
// report, are accepted and scored by three evaluators, and one ranking across the year picks
// 1 best and 3 excellent units; ties at the line between excellent and the rest under each rule.

#include <gtest/gtest.h>

#include <map>

#include "dojang/engine/cohort.hpp"
#include "dojang/engine/rank_support.hpp"
#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kOctober = ymd(2026, 10, 1, 1);
const Date kScored = ymd(2026, 10, 20, 1);
const Date kRankDay = ymd(2026, 11, 30, 1);
constexpr int kUnits = 28;

TEST(DeptEvaluationFlow, DeclaresTheAwardsRanking) {
  const auto def = load_workflow("dept_evaluation.flow", Warnings::Refused);
  ASSERT_TRUE(def);
  const Index evaluated = ranking_state(*def, "awards");
  ASSERT_EQ(evaluated, def->state_index("evaluated"));
  const RankingDef& r = *def->states[evaluated].ranking;
  EXPECT_EQ(r.label, "우수부서 선정");
  EXPECT_EQ(r.role, def->role_index("office"));
  EXPECT_EQ(r.group, def->field_index("year"));
  EXPECT_EQ(r.ties, TieRule::Refuse);
  EXPECT_EQ(r.place_field, def->field_index("place_no"));
  ASSERT_EQ(r.order.size(), 3u);
  EXPECT_EQ(r.order[0].source, "total");
  EXPECT_TRUE(r.order[0].descending);
  ASSERT_EQ(r.bands.size(), 3u);
  EXPECT_EQ(r.bands[0].count, 1);
  EXPECT_EQ(r.bands[0].target, def->state_index("best"));
  EXPECT_EQ(r.bands[1].count, 3);
  EXPECT_EQ(r.bands[2].count, 0);
  EXPECT_EQ(r.at, (MonthDay{11, 30}));
}

struct DeptEvaluation : ::testing::Test {
  std::shared_ptr<const Definition> def = load_workflow("dept_evaluation.flow");
  Principal office = person("kim.sujin", {"office"});
  std::vector<Item> units;

  static Principal unit_user(int i) { return person("unit" + std::to_string(i), {"unit"}); }
  static Principal evaluator(int e) { return person("eval" + std::to_string(e), {"evaluator"}); }

  static Request score(int capacity, int tasks) {
    return review(values({{"capacity", std::to_string(capacity).c_str()},
                          {"tasks", std::to_string(tasks).c_str()}}));
  }

  // Unit i reports (started i hours into October), is accepted and scored by three evaluators
  // (each gives the same capacity and tasks, so the averages are exact).
  void evaluate(int i, int capacity, int tasks) {
    Item& item = units.emplace_back(def);
    const Date started{kOctober.seconds + i * kHour};
    const std::string id = "dept_evaluation-" + std::to_string(100 + i);
    item.must(start_request(values({{"year", "2026"},
                                    {"unit_name", ("부서" + std::to_string(i)).c_str()},
                                    {"capacity_report", "학습동아리 4개, 제안 12건"},
                                    {"task_report", "민원 처리기간 단축"}}),
                            id),
              unit_user(i), started);
    item.must(act("submit"), unit_user(i), started);
    item.must(act("accept"), office, started);
    for (int e = 1; e <= 3; ++e) item.must(score(capacity, tasks), evaluator(e), kScored);
    EXPECT_EQ(item.state(), "evaluated");
  }

  // 28 units, unit i scoring 10 + i in both areas (total 20 + 2i): unit 27 is best.
  void all_units(const std::map<int, int>& same_as = {}) {
    for (int i = 0; i < kUnits; ++i) {
      const auto copy = same_as.find(i);
      const int s = 10 + (copy == same_as.end() ? i : copy->second);
      evaluate(i, s, s);
    }
  }

  std::vector<Instance> cohort() const {
    std::vector<Instance> out;
    for (const Item& u : units) out.push_back(u.instance());
    return out;
  }

  std::expected<Ranking, Refusal> rank_all(const Definition& d, const Principal& who) const {
    return rank(d, d.state_index("evaluated"), cohort(), who, false, kRankDay);
  }

  // The definition with another tie rule for the awards.
  std::shared_ptr<const Definition> with_ties(TieRule ties) const {
    auto copy = std::make_shared<Definition>(*def);
    copy->states.at(copy->state_index("evaluated")).ranking->ties = ties;
    return copy;
  }

  static std::map<std::string, int> per_state(const Definition& d, const Ranking& r) {
    std::map<std::string, int> out;
    for (const Step& s : r.steps) ++out[d.states.at(s.instance.state).name];
    return out;
  }
  static const Step& step_of(const Ranking& r, const std::string& id) {
    for (const Step& s : r.steps) {
      if (s.instance.id == id) return s;
    }
    ADD_FAILURE() << "no step for " << id;
    static const Step none;
    return none;
  }
};

TEST_F(DeptEvaluation, TwentyEightUnitsOneBestThreeExcellent) {
  all_units();
  auto ranked = rank_all(*def, office);
  ASSERT_TRUE(ranked) << ranked.error().message;
  ASSERT_EQ(ranked->table.size(), 28u);
  EXPECT_EQ(per_state(*def, *ranked),
            (std::map<std::string, int>{{"best", 1}, {"excellent", 3}, {"ordinary", 24}}));
  EXPECT_EQ(ranked->table[0].id, "dept_evaluation-127");
  EXPECT_EQ(ranked->table[0].keys[0], Value{74.0});  // total = 37 + 37
  EXPECT_EQ(ranked->table[3].id, "dept_evaluation-124");
  EXPECT_EQ(ranked->table[27].place, 28);
  const Step& best = step_of(*ranked, "dept_evaluation-127");
  EXPECT_TRUE(best.final);
  EXPECT_EQ(best.event.kind, "rank");
  EXPECT_EQ(best.event.action, "awards");
  EXPECT_EQ(best.event.actor, "kim.sujin");
  EXPECT_EQ(best.event.comment, "1위 / 28");
  EXPECT_EQ(best.event.to, "best");
  EXPECT_EQ(best.instance.revision, units[27].instance().revision + 1);
  const Index place_no = def->fields.at(def->field_index("place_no")).slot;
  EXPECT_EQ(step_of(*ranked, "dept_evaluation-100").instance.slots.at(place_no), Value{28.0});
  EXPECT_EQ(step_of(*ranked, "dept_evaluation-125").event.comment, "3위 / 28");
  for (const Step& s : ranked->steps) {
    EXPECT_TRUE(s.instance.timers.empty());
    EXPECT_TRUE(s.waiting_roles.empty());
  }
}

TEST_F(DeptEvaluation, TheRankingNeedsTheOffice) {
  all_units();
  for (const Principal& who : {unit_user(3), evaluator(1)}) {
    auto refused = rank_all(*def, who);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Refusal::Code::WrongRole);
    EXPECT_NE(refused.error().message.find("혁신기획단 (office)"), std::string::npos)
        << refused.error().message;
  }
}

TEST_F(DeptEvaluation, ATieAtTheLineIsRefusedUntilTheOfficeRescores) {
  all_units({{23, 24}});  // unit 23 scores like unit 24: equal for 4th place
  auto refused = rank_all(*def, office);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Refusal::Code::Tie);
  for (const char* word : {"place 4", "dept_evaluation-123", "dept_evaluation-124", "total = 68"})
    EXPECT_NE(refused.error().message.find(word), std::string::npos) << refused.error().message;

  // The office sends unit 23 back to be scored again; a new round of reviews breaks the tie.
  Item& rescored = units[23];
  expect_no_step(rescored, act("rescore"), office, kScored, Refusal::Code::MissingComment);
  rescored.must(act("rescore", {}, "4위 동점: 재심사"), office, kScored);
  EXPECT_EQ(rescored.state(), "scoring");
  for (int e = 1; e <= 3; ++e) rescored.must(score(33, 34), evaluator(e), kScored);
  EXPECT_EQ(rescored.state(), "evaluated");

  auto ranked = rank_all(*def, office);
  ASSERT_TRUE(ranked) << ranked.error().message;
  EXPECT_EQ(ranked->table[3].id, "dept_evaluation-124");
  EXPECT_EQ(ranked->table[3].keys, (std::vector<Value>{Value{68.0}, Value{34.0}, Value{34.0}}));
  EXPECT_EQ(ranked->table[4].id, "dept_evaluation-123");
  EXPECT_EQ(step_of(*ranked, "dept_evaluation-123").event.to, "ordinary");
}

TEST_F(DeptEvaluation, ATieAtTheLineUnderShareAndEarliest) {
  all_units({{23, 24}});
  auto shared = rank_all(*with_ties(TieRule::Share), office);
  ASSERT_TRUE(shared) << shared.error().message;
  EXPECT_EQ(per_state(*def, *shared),
            (std::map<std::string, int>{{"best", 1}, {"excellent", 4}, {"ordinary", 23}}));
  EXPECT_EQ(shared->table[3].place, 4);
  EXPECT_EQ(shared->table[4].place, 4);
  EXPECT_EQ(shared->table[5].place, 6);

  auto earliest = rank_all(*with_ties(TieRule::Earliest), office);
  ASSERT_TRUE(earliest) << earliest.error().message;
  EXPECT_EQ(per_state(*def, *earliest),
            (std::map<std::string, int>{{"best", 1}, {"excellent", 3}, {"ordinary", 24}}));
  // Unit 23 started an hour before unit 24: it takes 4th place.
  EXPECT_EQ(earliest->table[3].id, "dept_evaluation-123");
  EXPECT_EQ(step_of(*earliest, "dept_evaluation-124").event.comment, "5위 / 28");
}

TEST_F(DeptEvaluation, ARankedUnitCannotBeRankedOrActedOnAgain) {
  all_units();
  auto ranked = rank_all(*def, office);
  ASSERT_TRUE(ranked) << ranked.error().message;
  std::vector<Instance> after;
  for (const Step& s : ranked->steps) after.push_back(s.instance);
  auto again = rank(*def, def->state_index("evaluated"), after, office, false, kRankDay);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Refusal::Code::AlreadyFinal);
  // Acting on a ranked unit: it is finished.
  Item& best = units[27];
  best.mutable_instance() = step_of(*ranked, "dept_evaluation-127").instance;
  expect_no_step(best, act("rescore", {}, "다시"), office, kRankDay, Refusal::Code::AlreadyFinal);
}

TEST_F(DeptEvaluation, EachYearIsItsOwnGroup) {
  all_units();
  const RankingDef& r = *def->states.at(def->state_index("evaluated")).ranking;
  EXPECT_EQ(rank_group_key(*def, r, units[0].instance()), "2026");
  std::vector<Instance> mixed = cohort();
  mixed[5].slots.at(def->fields.at(def->field_index("year")).slot) = Value{2025.0};
  auto refused = rank(*def, def->state_index("evaluated"), mixed, office, false, kRankDay);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("different groups"), std::string::npos);
  EXPECT_TRUE(rank_day_reached(*r.at, kOctober, kRankDay));
  EXPECT_FALSE(rank_day_reached(*r.at, kOctober, ymd(2026, 11, 29, 1)));
}

}  // namespace
}  // namespace dojang::engine::test_rt
