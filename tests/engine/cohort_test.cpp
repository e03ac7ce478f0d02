// engine::rank: a ranking attached in C++ to a small procedure (the language's `rank` block is
// lowered elsewhere); ties, nulls, bands, refusals, and the moves each member makes.

#include "dojang/engine/cohort.hpp"

#include <gtest/gtest.h>

#include <map>

#include "dojang/engine/rank_support.hpp"
#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

constexpr const char* kUnits = R"flow(
workflow unit_eval "부서 평가" {
  roles {
    unit  "부서"
    admin "관리자"
  }
  fields {
    name     "부서명" text required
    year     "연도"   number
    total    "총점"   number
    capacity "역량"   number
    place_no "순위"   number
  }
  let bonus = total + capacity
  start draft
  state draft "작성" {
    on submit by unit -> evaluated requires name
  }
  state evaluated "평가 완료" {
    on promote by admin -> best
    on commend by admin -> excellent
    on pass by admin -> ordinary
    on sort by admin -> sorting
    deadline 30d -> notify admin "{name} 평가 대기"
  }
  decision sorting "분류" {
    -> excellent when total >= 90
    else -> ordinary
  }
  state best "최우수" {
    on close by admin -> closed
    deadline 10d -> notify admin "{name} 포상"
  }
  state excellent "우수" {
    on close by admin -> closed
  }
  state ordinary "일반" {
    on close by admin -> closed
  }
  final closed "종료"
}
)flow";

const Date kDay1 = ymd(2026, 10, 1, 1);
const Date kRankDay = ymd(2026, 11, 30, 1);

RankKey key_on(Index slot, const std::string& source, bool descending) {
  return RankKey{Expression::compile(test_ir::slot(slot, Type::Number)), source, descending};
}

Index field_slot(const Definition& def, std::string_view name) {
  return def.fields.at(def.field_index(name)).slot;
}

struct CohortRank : ::testing::Test {
  std::shared_ptr<const Definition> base = compile_flow("unit_eval.flow", kUnits);
  Principal admin = person("park", {"admin"});
  Principal staff = person("kim", {"unit"});

  // The procedure with a ranking in `evaluated`: total desc, capacity desc; top 1 -> best,
  // next 3 -> excellent, rest -> ordinary unless `bands` says otherwise.
  std::shared_ptr<Definition> with_ranking(TieRule ties, std::vector<RankBand> bands = {}) {
    auto def = std::make_shared<Definition>(*base);
    RankingDef r;
    r.name = "awards";
    r.label = "우수부서 선정";
    r.role = def->role_index("admin");
    r.group = def->field_index("year");
    r.order = {key_on(field_slot(*def, "total"), "total", true),
               key_on(field_slot(*def, "capacity"), "capacity", true)};
    r.ties = ties;
    r.place_field = def->field_index("place_no");
    if (bands.empty()) {
      bands = {{1, def->state_index("best")},
               {3, def->state_index("excellent")},
               {0, def->state_index("ordinary")}};
    }
    r.bands = std::move(bands);
    def->states.at(def->state_index("evaluated")).ranking = std::move(r);
    return def;
  }

  // A unit waiting in `evaluated`, started `day` days after kDay1.
  Instance unit(const Definition& def, const std::string& id, const char* total,
                const char* capacity = "5", int day = 0, const char* year = "2026") {
    auto shared = std::shared_ptr<const Definition>(std::shared_ptr<const Definition>{}, &def);
    Item item(shared);
    const Date at{kDay1.seconds + day * kDay};
    std::vector<Assignment> set =
        values({{"name", id.c_str()}, {"capacity", capacity}, {"year", year}});
    if (total != nullptr) set.push_back({"total", total});
    item.must(start_request(set, id), staff, at);
    item.must(act("submit"), staff, at);
    return item.instance();
  }

  static std::map<std::string, const RankedItem*> by_id(const Ranking& r) {
    std::map<std::string, const RankedItem*> out;
    for (const RankedItem& i : r.table) out[i.id] = &i;
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
  static std::string state_of(const Definition& def, const Step& s) {
    return def.states.at(s.instance.state).name;
  }
};

TEST_F(CohortRank, ShareGivesEqualItemsOnePlaceAndTheBandTheyFallIn) {
  auto def = with_ranking(TieRule::Share);
  const std::vector<Instance> cohort = {unit(*def, "u1", "95"), unit(*def, "u2", "85"),
                                        unit(*def, "u3", "90"), unit(*def, "u4", "85"),
                                        unit(*def, "u5", "70"), unit(*def, "u6", "85")};
  auto ranked = rank(*def, def->state_index("evaluated"), cohort, admin, false, kRankDay);
  ASSERT_TRUE(ranked) << ranked.error().message;
  ASSERT_EQ(ranked->table.size(), 6u);
  ASSERT_EQ(ranked->steps.size(), 6u);
  std::vector<int> places;
  for (const RankedItem& i : ranked->table) places.push_back(i.place);
  EXPECT_EQ(places, (std::vector<int>{1, 2, 3, 3, 3, 6}));
  EXPECT_EQ(ranked->table[0].id, "u1");
  EXPECT_EQ(ranked->table[1].id, "u3");
  EXPECT_EQ(ranked->table[5].id, "u5");
  EXPECT_EQ(ranked->table[0].keys, (std::vector<Value>{Value{95.0}, Value{5.0}}));
  // Place 3 lies inside the excellent band (places 2..4): all three tied items are excellent.
  for (const char* id : {"u2", "u3", "u4", "u6"})
    EXPECT_EQ(state_of(*def, step_of(*ranked, id)), "excellent") << id;
  EXPECT_EQ(state_of(*def, step_of(*ranked, "u1")), "best");
  EXPECT_EQ(state_of(*def, step_of(*ranked, "u5")), "ordinary");
  EXPECT_EQ(by_id(*ranked).at("u4")->band, 1u);
  // Steps come in table order.
  for (std::size_t i = 0; i < ranked->table.size(); ++i)
    EXPECT_EQ(ranked->steps[i].instance.id, ranked->table[i].id);
}

TEST_F(CohortRank, EachMemberGetsOneRankEventThePlaceAndTheNextRevision) {
  auto def = with_ranking(TieRule::Share);
  const std::vector<Instance> cohort = {unit(*def, "u1", "80"), unit(*def, "u2", "90")};
  auto ranked = rank(*def, def->state_index("evaluated"), cohort, admin, false, kRankDay);
  ASSERT_TRUE(ranked) << ranked.error().message;
  const Step& second = step_of(*ranked, "u1");
  EXPECT_EQ(second.instance.revision, cohort[0].revision + 1);
  EXPECT_EQ(second.event.seq, second.instance.revision);
  EXPECT_EQ(second.event.kind, "rank");
  EXPECT_EQ(second.event.action, "awards");
  EXPECT_EQ(second.event.actor, "park");
  EXPECT_EQ(second.event.from, "evaluated");
  EXPECT_EQ(second.event.to, "excellent");
  EXPECT_EQ(second.event.comment, "2위 / 2");
  EXPECT_EQ(second.event.at, kRankDay);
  EXPECT_EQ(second.instance.slots.at(field_slot(*def, "place_no")), Value{2.0});
  ASSERT_EQ(second.event.changes.size(), 1u);
  EXPECT_EQ(second.event.changes[0].first, "place_no");
  EXPECT_EQ(second.instance.trail.back(), def->state_index("evaluated"));
}

TEST_F(CohortRank, RefuseNamesTheTiedItemsAndThePlaceWhenABoundaryCutsThem) {
  auto def = with_ranking(TieRule::Refuse);
  const std::vector<Instance> cohort = {unit(*def, "u1", "95"), unit(*def, "u2", "90"),
                                        unit(*def, "u3", "85"), unit(*def, "u4", "85"),
                                        unit(*def, "u5", "85"), unit(*def, "u6", "70")};
  auto ranked = rank(*def, def->state_index("evaluated"), cohort, admin, false, kRankDay);
  ASSERT_FALSE(ranked);
  EXPECT_EQ(ranked.error().code, Refusal::Code::Tie);
  for (const char* word : {"place 3", "u3, u4, u5", "total = 85", "우수 (excellent, 3 places)",
                           "일반 (ordinary, the rest)"})
    EXPECT_NE(ranked.error().message.find(word), std::string::npos) << ranked.error().message;
  EXPECT_EQ(ranked.error().message.find("u6"), std::string::npos);
}

TEST_F(CohortRank, RefuseAcceptsATieInsideOneBand) {
  auto def = with_ranking(TieRule::Refuse);
  const std::vector<Instance> cohort = {unit(*def, "u1", "95"), unit(*def, "u2", "90"),
                                        unit(*def, "u3", "90"), unit(*def, "u4", "70"),
                                        unit(*def, "u5", "60")};
  auto ranked = rank(*def, def->state_index("evaluated"), cohort, admin, false, kRankDay);
  ASSERT_TRUE(ranked) << ranked.error().message;
  EXPECT_EQ(by_id(*ranked).at("u2")->place, 2);
  EXPECT_EQ(by_id(*ranked).at("u3")->place, 2);
  EXPECT_EQ(by_id(*ranked).at("u4")->place, 4);
  EXPECT_EQ(state_of(*def, step_of(*ranked, "u4")), "excellent");
  EXPECT_EQ(state_of(*def, step_of(*ranked, "u5")), "ordinary");
}

TEST_F(CohortRank, RefuseAlsoGuardsTheFirstPlace) {
  auto def = with_ranking(TieRule::Refuse);
  const std::vector<Instance> cohort = {unit(*def, "u1", "95", "7"), unit(*def, "u2", "95", "7")};
  auto ranked = rank(*def, def->state_index("evaluated"), cohort, admin, false, kRankDay);
  ASSERT_FALSE(ranked);
  EXPECT_EQ(ranked.error().code, Refusal::Code::Tie);
  EXPECT_NE(ranked.error().message.find("place 1"), std::string::npos) << ranked.error().message;
  // A later key breaks the tie: no refusal.
  const std::vector<Instance> broken = {unit(*def, "u1", "95", "7"), unit(*def, "u2", "95", "8")};
  auto ok = rank(*def, def->state_index("evaluated"), broken, admin, false, kRankDay);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->table[0].id, "u2");
  EXPECT_EQ(ok->table[1].place, 2);
}

TEST_F(CohortRank, EarliestPutsTheItemStartedFirstAhead) {
  auto def = with_ranking(TieRule::Earliest);
  const std::vector<Instance> cohort = {
      unit(*def, "u1", "95"),         unit(*def, "u2", "90"),
      unit(*def, "u3", "85", "5", 3), unit(*def, "u4", "85", "5", 1),
      unit(*def, "u5", "85", "5", 2), unit(*def, "u6", "70")};
  auto ranked = rank(*def, def->state_index("evaluated"), cohort, admin, false, kRankDay);
  ASSERT_TRUE(ranked) << ranked.error().message;
  std::vector<std::string> ids;
  std::vector<int> places;
  for (const RankedItem& i : ranked->table) {
    ids.push_back(i.id);
    places.push_back(i.place);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"u1", "u2", "u4", "u5", "u3", "u6"}));
  EXPECT_EQ(places, (std::vector<int>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(state_of(*def, step_of(*ranked, "u5")), "excellent");
  EXPECT_EQ(state_of(*def, step_of(*ranked, "u3")), "ordinary");
}

TEST_F(CohortRank, NullKeysSortLastInBothDirections) {
  for (const bool descending : {true, false}) {
    auto def = with_ranking(TieRule::Share);
    RankingDef& r = *def->states.at(def->state_index("evaluated")).ranking;
    r.order[0].descending = descending;
    const std::vector<Instance> cohort = {unit(*def, "u1", nullptr), unit(*def, "u2", "50"),
                                          unit(*def, "u3", "80")};
    auto ranked = rank(*def, def->state_index("evaluated"), cohort, admin, false, kRankDay);
    ASSERT_TRUE(ranked) << ranked.error().message;
    EXPECT_EQ(ranked->table.back().id, "u1") << "descending " << descending;
    EXPECT_TRUE(ranked->table.back().keys[0].is_null());
    EXPECT_EQ(ranked->table.front().id, descending ? "u3" : "u2");
  }
}

TEST_F(CohortRank, WithoutRestTheOthersStayWithTheirPlace) {
  auto def = with_ranking(TieRule::Share,
                          {{1, base->state_index("best")}, {1, base->state_index("excellent")}});
  const std::vector<Instance> cohort = {unit(*def, "u1", "95"), unit(*def, "u2", "90"),
                                        unit(*def, "u3", "85"), unit(*def, "u4", "80")};
  auto ranked = rank(*def, def->state_index("evaluated"), cohort, admin, false, kRankDay);
  ASSERT_TRUE(ranked) << ranked.error().message;
  const Step& stays = step_of(*ranked, "u4");
  EXPECT_EQ(by_id(*ranked).at("u4")->band, kNone);
  EXPECT_EQ(stays.event.kind, "rank");
  EXPECT_EQ(stays.event.from, "evaluated");
  EXPECT_EQ(stays.event.to, "evaluated");
  EXPECT_EQ(stays.event.comment, "4위 / 4");
  EXPECT_EQ(stays.instance.slots.at(field_slot(*def, "place_no")), Value{4.0});
  EXPECT_EQ(stays.instance.timers, cohort[3].timers);  // the state's deadline keeps running
  EXPECT_EQ(stays.waiting_roles, (std::vector<std::string>{"admin"}));
  EXPECT_EQ(state_of(*def, step_of(*ranked, "u2")), "excellent");
}

TEST_F(CohortRank, WithoutRestATieAcrossTheLastBandIsRefused) {
  auto def = with_ranking(TieRule::Refuse, {{1, base->state_index("best")}});
  const std::vector<Instance> cohort = {unit(*def, "u1", "95"), unit(*def, "u2", "95")};
  auto ranked = rank(*def, def->state_index("evaluated"), cohort, admin, false, kRankDay);
  ASSERT_FALSE(ranked);
  EXPECT_EQ(ranked.error().code, Refusal::Code::Tie);
  EXPECT_NE(ranked.error().message.find("stay where they are"), std::string::npos)
      << ranked.error().message;
}

TEST_F(CohortRank, MovingSetsAndClearsTimersAndRoutesThroughDecisions) {
  auto def = with_ranking(TieRule::Share,
                          {{1, base->state_index("best")}, {0, base->state_index("sorting")}});
  const std::vector<Instance> cohort = {unit(*def, "u1", "95"), unit(*def, "u2", "91"),
                                        unit(*def, "u3", "50")};
  ASSERT_EQ(cohort[0].timers.size(), 1u);  // evaluated's deadline
  auto ranked = rank(*def, def->state_index("evaluated"), cohort, admin, false, kRankDay);
  ASSERT_TRUE(ranked) << ranked.error().message;
  const Step& best = step_of(*ranked, "u1");
  ASSERT_EQ(best.instance.timers.size(), 1u);
  EXPECT_EQ(best.instance.timers[0].state, def->state_index("best"));
  EXPECT_EQ(best.instance.timers[0].due, Date{kRankDay.seconds + 10 * kDay});
  EXPECT_EQ(best.waiting_roles, (std::vector<std::string>{"admin"}));
  const Step& routed = step_of(*ranked, "u2");
  EXPECT_EQ(state_of(*def, routed), "excellent");
  EXPECT_EQ(routed.event.route, (std::vector<std::string>{"sorting"}));
  EXPECT_TRUE(routed.instance.timers.empty());
  EXPECT_EQ(state_of(*def, step_of(*ranked, "u3")), "ordinary");
}

TEST_F(CohortRank, KeysReadDerivedValues) {
  auto def = with_ranking(TieRule::Share);
  RankingDef& r = *def->states.at(def->state_index("evaluated")).ranking;
  Index bonus = kNone;
  for (const LetDef& l : def->lets) {
    if (l.name == "bonus") bonus = l.slot;
  }
  r.order = {key_on(bonus, "bonus", true)};
  std::vector<Instance> cohort = {unit(*def, "u1", "90", "1"), unit(*def, "u2", "80", "20")};
  cohort[0].slots.at(bonus) = Value{};  // stale: recomputed before the keys are read
  auto ranked = rank(*def, def->state_index("evaluated"), cohort, admin, false, kRankDay);
  ASSERT_TRUE(ranked) << ranked.error().message;
  EXPECT_EQ(ranked->table[0].id, "u2");
  EXPECT_EQ(ranked->table[0].keys[0], Value{100.0});
  EXPECT_EQ(ranked->table[1].keys[0], Value{91.0});
}

TEST_F(CohortRank, RefusalsForTheCohortAndThePerson) {
  auto def = with_ranking(TieRule::Share);
  const Index evaluated = def->state_index("evaluated");
  const std::vector<Instance> none;
  auto empty = rank(*def, evaluated, none, admin, false, kRankDay);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, Refusal::Code::EmptyCohort);
  EXPECT_NE(empty.error().message.find("평가 완료"), std::string::npos);

  std::vector<Instance> mixed = {unit(*def, "u1", "90"), unit(*def, "u2", "80")};
  mixed[1].version = 2;
  auto versions = rank(*def, evaluated, mixed, admin, false, kRankDay);
  ASSERT_FALSE(versions);
  EXPECT_EQ(versions.error().code, Refusal::Code::MixedVersions);
  EXPECT_NE(versions.error().message.find("u2 on version 2"), std::string::npos);

  const std::vector<Instance> cohort = {unit(*def, "u1", "90"), unit(*def, "u2", "80")};
  auto wrong = rank(*def, evaluated, cohort, staff, false, kRankDay);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, Refusal::Code::WrongRole);
  EXPECT_NE(wrong.error().message.find("관리자 (admin)"), std::string::npos)
      << wrong.error().message;

  const std::vector<Instance> years = {unit(*def, "u1", "90"),
                                       unit(*def, "u2", "80", "5", 0, "2025")};
  auto groups = rank(*def, evaluated, years, admin, false, kRankDay);
  ASSERT_FALSE(groups);
  EXPECT_NE(groups.error().message.find("different groups"), std::string::npos);

  auto no_ranking = rank(*def, def->state_index("best"), cohort, admin, false, kRankDay);
  ASSERT_FALSE(no_ranking);
  EXPECT_EQ(no_ranking.error().code, Refusal::Code::UnknownAction);
}

TEST_F(CohortRank, AnItemNotInTheStateIsRefused) {
  auto def = with_ranking(TieRule::Share);
  const Index evaluated = def->state_index("evaluated");
  std::vector<Instance> cohort = {unit(*def, "u1", "90"), unit(*def, "u2", "80")};
  cohort[1].state = def->state_index("draft");
  auto drafted = rank(*def, evaluated, cohort, admin, false, kRankDay);
  ASSERT_FALSE(drafted);
  EXPECT_EQ(drafted.error().code, Refusal::Code::UnknownAction);
  EXPECT_NE(drafted.error().message.find("u2 is in 작성 (draft)"), std::string::npos)
      << drafted.error().message;
  cohort[1].state = def->state_index("closed");
  auto closed = rank(*def, evaluated, cohort, admin, false, kRankDay);
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, Refusal::Code::AlreadyFinal);
  cohort[1] = cohort[0];
  auto twice = rank(*def, evaluated, cohort, admin, false, kRankDay);
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().message.find("twice"), std::string::npos);
}

TEST_F(CohortRank, TheTimerNeedsNoRoleAndADeputyActsOnBehalf) {
  auto def = with_ranking(TieRule::Share);
  const Index evaluated = def->state_index("evaluated");
  const std::vector<Instance> cohort = {unit(*def, "u1", "90"), unit(*def, "u2", "80")};
  auto timed = rank(*def, evaluated, cohort, staff, true, kRankDay);
  ASSERT_TRUE(timed) << timed.error().message;
  EXPECT_EQ(timed->steps[0].event.actor, "system");
  const Principal deputy = person("choi", {"unit"}, {{"park", {"admin"}}});
  auto acted = rank(*def, evaluated, cohort, deputy, false, kRankDay);
  ASSERT_TRUE(acted) << acted.error().message;
  EXPECT_EQ(acted->steps[1].event.actor, "choi");
  EXPECT_EQ(acted->steps[1].event.on_behalf_of, "park");
}

TEST_F(CohortRank, SupportFindsTheRankingAndTheGroup) {
  auto def = with_ranking(TieRule::Share);
  EXPECT_EQ(ranking_state(*def, "awards"), def->state_index("evaluated"));
  EXPECT_EQ(ranking_state(*def, "prizes"), kNone);
  const RankingDef& r = *def->states.at(def->state_index("evaluated")).ranking;
  EXPECT_EQ(rank_group_key(*def, r, unit(*def, "u1", "90")), "2026");
  RankingDef whole = r;
  whole.group = kNone;
  EXPECT_EQ(rank_group_key(*def, whole, unit(*def, "u1", "90")), "");
}

}  // namespace
}  // namespace dojang::engine::test_rt
