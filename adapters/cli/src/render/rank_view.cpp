#include "render/rank_view.hpp"

#include <algorithm>
#include <boost/json/array.hpp>

#include "render/instance_view.hpp"
#include "render/table.hpp"

namespace dojang::cli {
namespace {

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

std::string band_label(const app::RankDone& done, engine::Index band) {
  const engine::Definition& def = *done.definition;
  const engine::RankingDef& r = *def.states[done.state].ranking;
  if (band == engine::kNone || band >= r.bands.size())
    return state_label(def, state_name(def, done.state));
  return state_label(def, state_name(def, r.bands[band].target));
}

std::string ranking_title(const engine::RankingDef& r) {
  return r.label.empty() || r.label == r.name ? r.name : r.label + " (" + r.name + ")";
}

}  // namespace

std::string rank_table(const app::RankDone& done) {
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

std::string rank_summary(const app::RankDone& done) {
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

boost::json::object rank_json(const app::RankDone& done) {
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
