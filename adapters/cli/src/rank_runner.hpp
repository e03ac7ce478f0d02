#pragma once
// Running a ranking (engine::rank) from the store: the cohort waiting in the ranking's state,
// grouped by the `per` field; one group ranked on the version its members are on and committed
// in one transaction; the result as a table or JSON. Used by `dojang rank` and `dojang tick`.

#include <expected>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "dojang/engine/cohort.hpp"
#include "dojang/store/ranking_run.hpp"
#include "failure.hpp"
#include "runtime_session.hpp"

namespace dojang::cli {

// The members waiting in `state_name` of `workflow`, by group key (engine::rank_group_key,
// computed with each member's own version of the ranking named `ranking`).
using RankGroups = std::map<std::string, std::vector<engine::Instance>>;
[[nodiscard]] std::expected<RankGroups, Failure> rank_groups(Session& session,
                                                             const std::string& workflow,
                                                             const std::string& ranking,
                                                             const std::string& state_name);

// A committed ranking.
struct RankDone {
  std::shared_ptr<const engine::Definition> definition;  // the members' version
  engine::Index state = engine::kNone;
  engine::Ranking ranking;
  store::RankingRun run;
};

// Ranks one group (its members, possibly none) and commits every step with the run row.
// `latest` is the procedure's latest version, used when the group is empty. Refusals (exit 1)
// carry the engine's words; a group ranked already is "duplicate", a member that moved meanwhile
// "conflict".
[[nodiscard]] std::expected<RankDone, Failure> rank_and_commit(
    Session& session, const Procedure& latest, const std::string& ranking,
    const std::string& group_key, const std::vector<engine::Instance>& members,
    const engine::Principal& who, bool by_timer);

// The ranking table: place, item, its name (the first text field), each key (headed by its
// source text) and where the item went (the band's state label).
[[nodiscard]] std::string rank_table(const RankDone& done);
// "우수부서 선정 (awards), 2026: 28 items — 최우수 1, 우수 3, 일반 24".
[[nodiscard]] std::string rank_summary(const RankDone& done);
// ok-less document body: workflow, ranking, label, group, version, actor, items[...].
[[nodiscard]] boost::json::object rank_json(const RankDone& done);

}  // namespace dojang::cli
