#include "rank_runner.hpp"

#include <algorithm>
#include <boost/json/array.hpp>

#include "dojang/engine/rank_support.hpp"
#include "instance_view.hpp"
#include "instant.hpp"
#include "table.hpp"

namespace dojang::cli {
namespace {

const engine::RankingDef* ranking_in(const engine::Definition& def, const std::string& name,
                                     engine::Index* state = nullptr) {
  const engine::Index s = engine::ranking_state(def, name);
  if (s == engine::kNone) return nullptr;
  if (state != nullptr) *state = s;
  return &*def.states[s].ranking;
}

// The first text field: what a person calls the item (a title, a department's name).
const engine::FieldDef* title_field(const engine::Definition& def) {
  for (const engine::FieldDef& f : def.fields) {
    if (f.type.kind == engine::FieldKind::Text) return &f;
  }
  return nullptr;
}

std::string title_of(const engine::Definition& def, const engine::Instance& in) {
  const engine::FieldDef* f = title_field(def);
  if (f == nullptr || f->slot >= in.slots.size() || in.slots[f->slot].is_null()) return in.id;
  return value_text(in.slots[f->slot]);
}

std::string band_label(const RankDone& done, engine::Index band) {
  const engine::Definition& def = *done.definition;
  const engine::RankingDef& r = *def.states[done.state].ranking;
  if (band == engine::kNone || band >= r.bands.size())
    return state_label(def, state_name(def, done.state));
  return state_label(def, state_name(def, r.bands[band].target));
}

std::string ranking_title(const engine::RankingDef& r) {
  return r.label.empty() || r.label == r.name ? r.name : r.label + " (" + r.name + ")";
}

Failure commit_failure(const store::Error& error) {
  Failure failure = store_failure(error);
  if (error.code == store::Error::Code::Conflict) {
    failure.message += "; nothing was ranked";
  }
  return failure;
}

}  // namespace

std::expected<RankGroups, Failure> rank_groups(Session& session, const std::string& workflow,
                                               const std::string& ranking,
                                               const std::string& state_name) {
  auto cohort = session.store().cohort(workflow, state_name);
  if (!cohort) return std::unexpected(store_failure(cohort.error()));
  RankGroups groups;
  for (engine::Instance& in : *cohort) {
    auto pinned = session.procedure(in.workflow, in.version);
    if (!pinned) return std::unexpected(pinned.error());
    const engine::RankingDef* r = ranking_in(*pinned->definition, ranking);
    if (r == nullptr) continue;  // that version ranks nothing there
    groups[engine::rank_group_key(*pinned->definition, *r, in)].push_back(std::move(in));
  }
  return groups;
}

std::expected<RankDone, Failure> rank_and_commit(Session& session, const Procedure& latest,
                                                 const std::string& ranking,
                                                 const std::string& group_key,
                                                 const std::vector<engine::Instance>& members,
                                                 const engine::Principal& who, bool by_timer) {
  RankDone done;
  done.definition = latest.definition;
  int version = latest.version;
  if (!members.empty()) {
    version = members.front().version;
    auto pinned = session.procedure(latest.definition->name, version);
    if (!pinned) return std::unexpected(pinned.error());
    done.definition = pinned->definition;
  }
  const engine::Definition& def = *done.definition;
  if (ranking_in(def, ranking, &done.state) == nullptr) {
    return std::unexpected(Failure{ExitCode::CheckFailed, "unknown_ranking",
                                   "version " + std::to_string(version) + " of '" + def.name +
                                       "' has no ranking '" + ranking + "'"});
  }
  // A group ranked already says so, even when its members have all moved on since.
  auto earlier = session.store().ranking_run(def.name, ranking, group_key);
  if (!earlier) return std::unexpected(store_failure(earlier.error()));
  if (*earlier) {
    const store::RankingRun& run = **earlier;
    return std::unexpected(Failure{ExitCode::CheckFailed, "duplicate",
                                   "ranking '" + ranking + "' of '" + def.name + "'" +
                                       (group_key.empty() ? std::string() : " for " + group_key) +
                                       " was already run on " + format_minute(run.ran_at) +
                                       " UTC by " + run.actor + "; each group is ranked once"});
  }
  auto ranked = engine::rank(def, done.state, members, who, by_timer, session.now());
  if (!ranked) return std::unexpected(refusal_failure(ranked.error()));
  done.ranking = std::move(*ranked);
  done.run = store::RankingRun{def.name, ranking,       group_key,
                               version,  session.now(), by_timer ? "system" : who.user};
  auto committed = session.store().commit_ranking(done.run, done.ranking.steps);
  if (!committed) return std::unexpected(commit_failure(committed.error()));
  return done;
}

std::string rank_table(const RankDone& done) {
  const engine::Definition& def = *done.definition;
  const engine::RankingDef& r = *def.states[done.state].ranking;
  const engine::FieldDef* title = title_field(def);
  std::vector<std::string> headers = {"순위", "ID", title != nullptr ? title->label : "이름"};
  for (const engine::RankKey& key : r.order) headers.push_back(key.source);
  headers.emplace_back("결과");
  Table table(std::move(headers));
  for (std::size_t i = 0; i < done.ranking.table.size(); ++i) {
    const engine::RankedItem& item = done.ranking.table[i];
    const engine::Instance& in = done.ranking.steps[i].instance;
    std::vector<std::string> row = {std::to_string(item.place), item.id, title_of(def, in)};
    for (const engine::Value& v : item.keys) row.push_back(value_text(v));
    row.push_back(band_label(done, item.band));
    table.add_row(std::move(row));
  }
  return table.render();
}

std::string rank_summary(const RankDone& done) {
  const engine::Definition& def = *done.definition;
  const engine::RankingDef& r = *def.states[done.state].ranking;
  std::vector<std::pair<std::string, int>> counts;
  for (const engine::RankedItem& item : done.ranking.table) {
    const std::string label = band_label(done, item.band);
    auto it =
        std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == label; });
    if (it == counts.end()) {
      counts.emplace_back(label, 1);
    } else {
      ++it->second;
    }
  }
  std::string out = def.name + " " + ranking_title(r);
  if (!done.run.group_key.empty()) out += ", " + done.run.group_key;
  out += ": " + std::to_string(done.ranking.table.size()) + " ranked —";
  for (std::size_t i = 0; i < counts.size(); ++i)
    out += (i == 0 ? " " : ", ") + counts[i].first + " " + std::to_string(counts[i].second);
  return out;
}

boost::json::object rank_json(const RankDone& done) {
  const engine::Definition& def = *done.definition;
  const engine::RankingDef& r = *def.states[done.state].ranking;
  boost::json::object doc;
  doc["workflow"] = def.name;
  doc["ranking"] = r.name;
  doc["label"] = r.label;
  doc["group"] = done.run.group_key;
  doc["version"] = done.run.version;
  doc["actor"] = done.run.actor;
  boost::json::array items;
  for (std::size_t i = 0; i < done.ranking.table.size(); ++i) {
    const engine::RankedItem& item = done.ranking.table[i];
    const engine::Step& step = done.ranking.steps[i];
    boost::json::object o;
    o["place"] = item.place;
    o["id"] = item.id;
    o["title"] = title_of(def, step.instance);
    boost::json::object keys;
    for (std::size_t k = 0; k < r.order.size() && k < item.keys.size(); ++k)
      keys[r.order[k].source] = value_json(item.keys[k]);
    o["keys"] = std::move(keys);
    o["state"] = step.event.to;
    o["state_label"] = band_label(done, item.band);
    o["revision"] = step.instance.revision;
    items.push_back(std::move(o));
  }
  doc["items"] = std::move(items);
  return doc;
}

}  // namespace dojang::cli
