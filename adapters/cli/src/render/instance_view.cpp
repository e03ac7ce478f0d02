#include "render/instance_view.hpp"

#include <boost/json/array.hpp>

#include "dojang/base/civil.hpp"
#include "support/instant.hpp"

namespace dojang::cli {
namespace {

std::string titled(const std::string& label, const std::string& name) {
  if (label.empty() || label == name) return name;
  return label + " (" + name + ")";
}

const engine::FieldDef* field_named(const engine::Definition& def, const std::string& name) {
  const engine::Index f = def.field_index(name);
  return f == engine::kNone ? nullptr : &def.fields[f];
}

// A date value with a time of day (now(), a moment computed from it) is an instant: shown in
// office time like every other. One at midnight UTC is a calendar date, the engine's form of
// a date literal, and is shown as the date it is ("2007-02-28").
const engine::Date* instant_in(const engine::Value& value) {
  const engine::Date* date = value.as_date();
  return date != nullptr && base::second_of_day(date->seconds) != 0 ? date : nullptr;
}

// A change's value as its field holds it: a number in a money field (an event stored before
// money was exact) is that amount of money.
engine::Value change_value(const engine::Definition& def, const std::string& name,
                           const engine::Value& value) {
  const engine::FieldDef* f = field_named(def, name);
  return f != nullptr && f->type.kind == engine::FieldKind::Money ? engine::as_money_value(value)
                                                                  : value;
}

}  // namespace

std::string state_title(const engine::Definition& def, const std::string& name) {
  const engine::Index s = def.state_index(name);
  if (s == engine::kNone) return name;
  return titled(def.states[s].label, name);
}

std::string state_title(const engine::Definition& def, engine::Index state) {
  if (state >= def.states.size()) return "(unknown state)";
  return titled(def.states[state].label, def.states[state].name);
}

std::string state_label(const engine::Definition& def, const std::string& name) {
  const engine::Index s = def.state_index(name);
  if (s == engine::kNone || def.states[s].label.empty()) return name;
  return def.states[s].label;
}

std::string state_name(const engine::Definition& def, engine::Index state) {
  return state < def.states.size() ? def.states[state].name : std::string();
}

std::string role_title(const engine::Definition& def, const std::string& role) {
  const engine::Index r = def.role_index(role);
  if (r == engine::kNone) return role;
  return titled(def.roles[r].label, role);
}

std::string change_title(const engine::Definition& def, const std::string& name) {
  if (const engine::FieldDef* f = field_named(def, name)) return titled(f->label, name);
  if (name.starts_with("review.")) {
    const std::string criterion = name.substr(7);
    for (const engine::StateDef& s : def.states) {
      if (!s.review) continue;
      for (const engine::CriterionDef& c : s.review->criteria) {
        if (c.name == criterion) return titled(c.label, name);
      }
    }
  }
  return name;
}

std::string value_text(const engine::Value& value) {
  if (value.is_null()) return "-";
  if (const std::string* text = value.as_text()) return *text;
  if (const engine::Decimal* m = value.as_money()) return engine::money_text(*m);  // 1,000,000원
  if (const engine::ValueList* list = value.as_list()) {
    std::string out;
    for (const engine::Value& item : *list) out += (out.empty() ? "" : ", ") + value_text(item);
    return out;
  }
  if (const engine::Date* at = instant_in(value)) return time_text(*at);
  return engine::to_string(value);
}

boost::json::value value_json(const engine::Value& value) {
  if (value.is_null()) return nullptr;
  if (const bool* b = value.as_bool()) return *b;
  if (const double* n = value.as_number()) return *n;
  if (const std::string* text = value.as_text()) return boost::json::string(*text);
  if (const engine::ValueList* list = value.as_list()) {
    boost::json::array out;
    for (const engine::Value& item : *list) out.push_back(value_json(item));
    return out;
  }
  if (const engine::Date* at = instant_in(value)) return boost::json::string(time_json(*at));
  // Dates, durations and money ("1000000.5": its canonical text, exact, never a JSON number).
  return boost::json::string(engine::to_string(value));
}

std::string outcome_line(const engine::Definition& def, const std::string& id,
                         const std::string& state, std::int64_t revision) {
  return id + ": " + state_title(def, state) + " — revision " + std::to_string(revision);
}

namespace {

// "처리부서 담당자 (handler) in health_center", "kim.sujin", "the head of health_center".
std::string recipient_text(const engine::Definition& def, const std::string& to) {
  const std::string_view person = engine::kWaitingPerson;
  if (to.starts_with(person)) return to.substr(person.size());
  const std::size_t at = to.find('@');
  if (at == std::string::npos) return role_title(def, to);
  const std::string unit = to.substr(at + 1);
  if (to.compare(0, at, "head") == 0 && def.role_index("head") == engine::kNone)
    return "the head of " + unit;
  return role_title(def, to.substr(0, at)) + " in " + unit;
}

}  // namespace

std::string notification_line(const engine::Definition& def, const engine::Notification& n) {
  return "  notify " + recipient_text(def, n.role) + ": " + n.message;
}

boost::json::object notification_json(const engine::Definition& def,
                                      const engine::Notification& n) {
  boost::json::object o;
  o["to"] = n.role;
  o["to_label"] = recipient_text(def, n.role);
  o["message"] = n.message;
  return o;
}

boost::json::object instance_json(const engine::Definition& def, const engine::Instance& instance) {
  boost::json::object o;
  o["id"] = instance.id;
  o["workflow"] = instance.workflow;
  o["procedure"] = def.label.empty() ? def.name : def.label;
  o["version"] = instance.version;
  const std::string state = state_name(def, instance.state);
  o["state"] = state;
  o["state_label"] = state_label(def, state);
  o["revision"] = instance.revision;
  o["submitter"] = instance.submitter;
  o["unit"] = instance.unit;
  o["final"] = instance.state < def.states.size() &&
               def.states[instance.state].kind == engine::StateKind::Final;
  o["created_at"] = time_json(instance.created_at);
  o["updated_at"] = time_json(instance.updated_at);
  return o;
}

boost::json::object event_json(const engine::Definition& def, const engine::HistoryEvent& event) {
  boost::json::object o;
  o["seq"] = event.seq;
  o["at"] = time_json(event.at);
  o["kind"] = event.kind;
  o["action"] = event.action;
  o["actor"] = event.actor;
  o["on_behalf_of"] = event.on_behalf_of;
  o["from"] = event.from;
  o["from_label"] = event.from.empty() ? "" : state_label(def, event.from);
  o["to"] = event.to;
  o["to_label"] = state_label(def, event.to);
  boost::json::array route;
  for (const std::string& s : event.route) route.push_back(boost::json::string(s));
  o["route"] = std::move(route);
  o["comment"] = event.comment;
  boost::json::array changes;
  for (const auto& [name, value] : event.changes) {
    boost::json::object c;
    c["name"] = name;
    c["label"] = change_title(def, name);
    c["value"] = value_json(change_value(def, name, value));
    changes.push_back(std::move(c));
  }
  o["changes"] = std::move(changes);
  boost::json::array notes;
  for (const std::string& n : event.notes) notes.push_back(boost::json::string(n));
  o["notes"] = std::move(notes);
  return o;
}

std::string event_text(const engine::Definition& def, const engine::HistoryEvent& event) {
  std::string out =
      "#" + std::to_string(event.seq) + "  " + time_text(event.at) + "  " + event.kind;
  if (!event.action.empty() && event.action != event.kind) out += " " + event.action;
  out += "  by " + event.actor;
  if (!event.on_behalf_of.empty()) out += " for " + event.on_behalf_of;
  out += "\n      ";
  if (event.from == event.to && event.route.empty()) {
    out += "stays in " + state_title(def, event.to) + "\n";
  } else {
    if (!event.from.empty()) out += state_title(def, event.from) + " → ";
    for (const std::string& s : event.route) out += state_title(def, s) + " → ";
    out += state_title(def, event.to) + "\n";
  }
  if (!event.comment.empty()) out += "      comment: " + event.comment + "\n";
  for (const auto& [name, value] : event.changes)
    out += "      " + change_title(def, name) + " = " + value_text(change_value(def, name, value)) +
           "\n";
  for (const std::string& note : event.notes) out += "      note: " + note + "\n";
  return out;
}

}  // namespace dojang::cli
