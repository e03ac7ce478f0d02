// engine::rank: one decision across the items waiting in a state. Each member's keys are
// evaluated like guards are (derived values first), the cohort is ordered and placed
// (cohort_order.cpp), and each member moves to its band's state through the same machinery as an
// action: timers, decision chains, waiting roles, one "rank" event, revision + 1.

#include "dojang/engine/cohort.hpp"

#include <algorithm>
#include <deque>
#include <set>

#include "ranking/cohort_order.hpp"
#include "dojang/engine/rank_support.hpp"
#include "apply/runtime_detail.hpp"

namespace dojang::engine {

namespace {

using detail::refuse;

std::string ranking_text(const RankingDef& ranking) {
  std::string out = detail::quoted(ranking.name);
  if (!ranking.label.empty() && ranking.label != ranking.name)
    out = ranking.label + " (" + out + ")";
  return out;
}

// Every member must wait in `state`, on one version, in one group, once.
std::optional<Refusal> check_cohort(const Definition& def, Index state, const RankingDef& ranking,
                                    std::span<const Instance> cohort) {
  if (cohort.empty()) {
    return Refusal{Refusal::Code::EmptyCohort, "no item waits in " +
                                                   detail::state_text(def, state) +
                                                   " to be ranked by " + ranking_text(ranking)};
  }
  std::set<std::string> seen;
  for (const Instance& in : cohort) {
    if (!seen.insert(in.id).second) {
      return Refusal{Refusal::Code::UnknownAction,
                     "item " + in.id + " is in the cohort twice; each item is ranked once"};
    }
    if (in.state == state) continue;
    if (in.state < def.states.size() && def.states[in.state].kind == StateKind::Final) {
      return Refusal{Refusal::Code::AlreadyFinal, "item " + in.id + " is already finished (in " +
                                                      detail::state_text(def, in.state) +
                                                      ") and cannot be ranked"};
    }
    const std::string where = in.state < def.states.size() ? detail::state_text(def, in.state)
                                                           : std::string("an unknown state");
    return Refusal{Refusal::Code::UnknownAction,
                   "item " + in.id + " is in " + where + ", not waiting in " +
                       detail::state_text(def, state) + "; only items waiting there are ranked"};
  }
  for (const Instance& in : cohort) {
    if (in.version != cohort.front().version) {
      return Refusal{Refusal::Code::MixedVersions,
                     "the items run on different versions of '" + def.name + "' (" +
                         cohort.front().id + " on version " +
                         std::to_string(cohort.front().version) + ", " + in.id + " on version " +
                         std::to_string(in.version) +
                         "); migrate them to one version before ranking them together"};
    }
  }
  if (ranking.group != kNone) {
    const std::string first = rank_group_key(def, ranking, cohort.front());
    for (const Instance& in : cohort) {
      const std::string key = rank_group_key(def, ranking, in);
      if (key != first) {
        return Refusal{Refusal::Code::UnknownAction,
                       "the items belong to different groups of " + ranking_text(ranking) + " (" +
                           cohort.front().id + ": " + first + ", " + in.id + ": " + key +
                           "); each group is ranked on its own"};
      }
    }
  }
  return std::nullopt;
}

// Whether the review of `state` (if it has one) still lacks reviews for its quorum in `in`.
bool review_short(const Definition& def, Index state, const Instance& in) {
  if (state >= def.states.size() || !def.states[state].review) return false;
  const ReviewDef& review = *def.states[state].review;
  int given = 0;
  for (const ReviewRecord& r : in.reviews) {
    if (r.block == review.block && !r.recused) ++given;
  }
  return given < review.quorum;
}

// StillScoring or WaitForScoring while items of the cohort's group are being scored.
std::optional<Refusal> check_scoring(const Definition& def, Index state, const RankingDef& ranking,
                                     std::span<const Instance> cohort,
                                     std::span<const Instance> being_scored) {
  const std::vector<Index> scoring = scoring_states(def, state);
  const Instance& first = cohort.front();
  const std::string group = rank_group_key(def, ranking, first);
  std::set<std::string> members;
  for (const Instance& in : cohort) members.insert(in.id);
  std::vector<std::pair<Index, std::vector<std::string>>> by_state;  // in state order
  for (const Index s : scoring) by_state.push_back({s, {}});
  std::size_t count = 0;
  auto add = [&](Index s, const std::string& id) {
    for (auto& [at, ids] : by_state) {
      if (at == s) {
        ids.push_back(id);
        ++count;
        return;
      }
    }
  };
  for (const Instance& in : cohort) {
    if (review_short(def, state, in)) add(state, in.id);
  }
  std::set<std::string> seen;
  for (const Instance& in : being_scored) {
    if (members.contains(in.id) || !seen.insert(in.id).second) continue;
    if (in.version != first.version || in.state == state || in.state >= def.states.size()) continue;
    if (rank_group_key(def, ranking, in) != group) continue;
    add(in.state, in.id);
  }
  if (count == 0) return std::nullopt;

  constexpr std::size_t kNamed = 5;  // items named per state
  std::vector<std::string> parts;
  for (const auto& [s, ids] : by_state) {
    if (ids.empty()) continue;
    std::vector<std::string> named(ids.begin(), ids.begin() + std::min(ids.size(), kNamed));
    std::string part = std::to_string(ids.size()) + " in " + detail::state_text(def, s) + " (" +
                       detail::join(named, ", ") + (ids.size() > kNamed ? ", ..." : "") + ")";
    parts.push_back(std::move(part));
  }
  std::string of = "ranking " + ranking_text(ranking);
  if (!group.empty() && ranking.group < def.fields.size())
    of += " for " + detail::field_text(def.fields[ranking.group]) + " " + group;
  const std::string being = std::to_string(count) + (count == 1 ? " item is" : " items are") +
                            " still being scored: " + detail::join(parts, "; ");
  if (ranking.while_scoring == ScoringRule::Wait) {
    return Refusal{Refusal::Code::WaitForScoring,
                   of + " waits: " + being +
                       ". It runs once they are scored (the procedure says 'while scoring wait')"};
  }
  return Refusal{Refusal::Code::StillScoring,
                 of + " cannot run yet: " + being +
                     ". Ranking now would leave them out; rank once they are scored"};
}

std::string place_comment(int place, std::size_t of) {
  return std::to_string(place) + "위 / " + std::to_string(of);
}

}  // namespace

std::expected<Ranking, Refusal> rank(const Definition& definition, Index state,
                                     std::span<const Instance> cohort, const Principal& who,
                                     bool by_timer, Date now) {
  return rank(definition, state, cohort, {}, who, by_timer, now);
}

std::expected<Ranking, Refusal> rank(const Definition& definition, Index state,
                                     std::span<const Instance> cohort,
                                     std::span<const Instance> being_scored, const Principal& who,
                                     bool by_timer, Date now) {
  const Definition& def = definition;
  if (state >= def.states.size() || !def.states[state].ranking) {
    const std::string where =
        state < def.states.size() ? detail::state_text(def, state) : std::string("that state");
    return refuse(Refusal::Code::UnknownAction, "nothing is ranked in " + where + " of '" +
                                                    def.name + "': it has no `rank` block");
  }
  const RankingDef& ranking = *def.states[state].ranking;

  std::string actor(detail::kSystem);
  std::string on_behalf_of;
  if (!by_timer) {
    const std::optional<std::string> as = detail::holds_role(def, ranking.role, who, Instance{});  // office-wide
    if (!as) {
      return refuse(Refusal::Code::WrongRole, "ranking " + ranking_text(ranking) +
                                                  " needs the role " +
                                                  detail::role_text(def, ranking.role) + "; " +
                                                  detail::principal_text(def, who));
    }
    actor = who.user;
    on_behalf_of = *as;
  }
  if (auto r = check_cohort(def, state, ranking, cohort)) return std::unexpected(std::move(*r));
  if (auto r = check_scoring(def, state, ranking, cohort, being_scored))
    return std::unexpected(std::move(*r));

  // Each member's draft, its derived values fresh, and its keys evaluated on them.
  std::deque<detail::Draft> drafts;
  std::vector<detail::RankEntry> entries;
  entries.reserve(cohort.size());
  for (const Instance& in : cohort) {
    detail::Draft& draft = drafts.emplace_back(def, in, now);
    draft.recompute();
    const Env env = draft.env();
    detail::RankEntry entry{&in, {}};
    for (const RankKey& key : ranking.order) entry.keys.push_back(key.expr.evaluate(env));
    entries.push_back(std::move(entry));
  }
  auto placed = detail::place_entries(def, ranking, entries);
  if (!placed) return std::unexpected(std::move(placed.error()));

  Ranking out;
  out.table.reserve(placed->size());
  out.steps.reserve(placed->size());
  for (const detail::Placement& p : *placed) {
    detail::Draft& draft = drafts[p.entry];
    Instance& after = draft.after;
    if (ranking.place_field < def.fields.size()) {
      const Index slot = def.fields[ranking.place_field].slot;
      if (slot < after.slots.size()) after.slots[slot] = Value{static_cast<double>(p.place)};
    }
    draft.event.kind = "rank";
    draft.event.action = ranking.name;
    draft.event.actor = actor;
    draft.event.on_behalf_of = on_behalf_of;
    draft.event.comment = place_comment(p.place, cohort.size());
    if (p.band != kNone) {
      const Index target = ranking.bands[p.band].target;
      if (auto r = detail::move_to(draft, target, detail::Move::Forward)) {
        r->message = "item " + after.id + ": " + r->message;
        return std::unexpected(std::move(*r));
      }
    }
    out.table.push_back(RankedItem{after.id, p.place, entries[p.entry].keys, p.band});
    out.steps.push_back(detail::finish(draft));
  }
  return out;
}

}  // namespace dojang::engine
