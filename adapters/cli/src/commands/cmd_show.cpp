#include "commands/cmd_show.hpp"

#include <algorithm>

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "render/instance_view.hpp"
#include "render/report.hpp"
#include "render/table.hpp"
#include "support/instant.hpp"
#include "support/io.hpp"
#include "support/open_app.hpp"

namespace dojang::cli {
namespace {

using engine::Definition;
using engine::Instance;

std::string titled(const std::string& label, const std::string& name) {
  return label.empty() || label == name ? name : label + " (" + name + ")";
}

struct Named {
  std::string name, title;
  engine::Value value;
};

// A number in a money slot (stored before money was exact) shows as that amount of money.
engine::Value held(const engine::FieldType& type, const engine::Value& v) {
  return type.kind == engine::FieldKind::Money ? engine::as_money_value(v) : v;
}

std::vector<Named> fields_of(const Definition& def, const Instance& in) {
  std::vector<Named> out;
  for (const engine::FieldDef& f : def.fields) {
    out.push_back({f.name, titled(f.label, f.name),
                   held(f.type, f.slot < in.slots.size() ? in.slots[f.slot] : engine::Value())});
  }
  return out;
}

std::vector<Named> derived_of(const Definition& def, const Instance& in) {
  auto slot = [&](engine::Index i) { return i < in.slots.size() ? in.slots[i] : engine::Value(); };
  std::vector<Named> out;
  for (const engine::LetDef& l : def.lets) out.push_back({l.name, l.name, slot(l.slot)});
  for (const engine::TableDef& t : def.tables) {
    for (const engine::TableOutput& o : t.outputs) {
      const std::string name = t.name + "." + o.name;
      out.push_back(
          {name, t.label.empty() ? name : t.label + ": " + name, held(o.type, slot(o.slot))});
    }
  }
  return out;
}

const engine::ReviewDef* review_block(const Definition& def, engine::Index block) {
  for (const engine::StateDef& s : def.states) {
    if (s.review && s.review->block == block) return &*s.review;
  }
  return nullptr;
}

std::string role_of(const Definition& def, engine::Index role) {
  return role < def.roles.size() ? role_title(def, def.roles[role].name) : "(unknown role)";
}

std::string timer_text(const Definition& def, const engine::PendingTimer& t) {
  if (t.state >= def.states.size() || t.timer >= def.states[t.state].timers.size())
    return "(a timer of another version)";
  const engine::StateDef& s = def.states[t.state];
  const engine::TimerDef& timer = s.timers[t.timer];
  std::string out = (timer.kind == engine::TimerDef::Kind::Deadline ? "deadline " : "after ") +
                    engine::to_string(engine::Value(timer.delay));
  if (timer.kind == engine::TimerDef::Kind::After)
    return out + " → " + state_title(def, timer.target);
  if (timer.action < s.actions.size()) out += " → " + s.actions[timer.action].name;
  for (const engine::NotifyDef& n : timer.notifies) {
    out += " → notify " + (n.to.kind == engine::Actor::Kind::Role ? role_of(def, n.to.role)
                                                                  : engine::actor_words(def, n.to));
  }
  return out;
}

// Who the item waits for: the roles of the current state's actions and review.
std::vector<std::string> waiting_for(const Definition& def, const Instance& in) {
  std::vector<std::string> out;
  if (in.state >= def.states.size()) return out;
  const engine::StateDef& s = def.states[in.state];
  auto add = [&](std::string who) {
    if (std::find(out.begin(), out.end(), who) == out.end()) out.push_back(std::move(who));
  };
  for (const engine::ActionDef& a : s.actions) {
    if (a.by.kind == engine::Actor::Kind::Role) add(role_of(def, a.by.role));
    if (a.by.kind == engine::Actor::Kind::Submitter) add("the submitter (" + in.submitter + ")");
    if (a.by.kind == engine::Actor::Kind::Anyone) add("anyone");
    if (a.by.kind == engine::Actor::Kind::Head) add(engine::actor_words(def, a.by));
    if (a.by.kind == engine::Actor::Kind::Person && a.by.field < def.fields.size()) {
      const engine::FieldDef& f = def.fields[a.by.field];
      const engine::Value& v = f.slot < in.slots.size() ? in.slots[f.slot] : engine::Value{};
      add(f.label + " (" + engine::to_string(v) + ")");
    }
  }
  if (s.review) add(role_of(def, s.review->role) + ": review");
  return out;
}

std::string review_text(const Definition& def, const engine::ReviewRecord& r) {
  const engine::ReviewDef* block = review_block(def, r.block);
  std::string out;
  if (r.recused) return "declared a conflict of interest";
  for (std::size_t i = 0; i < r.scores.size(); ++i) {
    std::string name = "#" + std::to_string(i);
    if (block != nullptr && i < block->criteria.size())
      name = block->criteria[i].label.empty() ? block->criteria[i].name : block->criteria[i].label;
    out += (out.empty() ? "" : ", ") + name + " " + value_text(r.scores[i]);
  }
  if (const bool* vote = r.vote.as_bool())
    out += std::string(", vote ") + (*vote ? "approve" : "reject");
  if (!r.on_behalf_of.empty()) out += " (for " + r.on_behalf_of + ", 대결)";
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

boost::json::array named_json(const std::vector<Named>& items) {
  boost::json::array out;
  for (const Named& n : items) {
    boost::json::object o;
    o["name"] = n.name;
    o["label"] = n.title;
    o["value"] = value_json(n.value);
    out.push_back(std::move(o));
  }
  return out;
}

void print_text(const Definition& def, const Instance& in,
                const std::optional<std::vector<std::string>>& actions, const std::string& user) {
  std::string out =
      in.id + "  " + titled(def.label, def.name) + ", version " + std::to_string(in.version) + "\n";
  Table head({"state", state_title(def, in.state)});
  head.add_row({"revision", std::to_string(in.revision)});
  head.add_row({"submitter", in.submitter});
  if (!in.unit.empty()) head.add_row({"unit", in.unit});
  head.add_row({"created", time_text(in.created_at)});
  head.add_row({"updated", time_text(in.updated_at)});
  if (auto w = waiting_for(def, in); !w.empty()) head.add_row({"waiting for", joined(w)});
  out += head.render() + "\n";
  Table fields({"FIELD", "VALUE"});
  for (const Named& f : fields_of(def, in)) fields.add_row({f.title, value_text(f.value)});
  out += fields.render();
  if (auto derived = derived_of(def, in); !derived.empty()) {
    Table t({"DERIVED", "VALUE"});
    for (const Named& d : derived) t.add_row({d.title, value_text(d.value)});
    out += "\n" + t.render();
  }
  if (!in.reviews.empty()) {
    Table t({"REVIEWER", "REVIEW"});
    for (const engine::ReviewRecord& r : in.reviews) t.add_row({r.reviewer, review_text(def, r)});
    out += "\n" + t.render();
  }
  if (!in.timers.empty()) {
    Table t({"TIMER", "DUE"});
    for (const engine::PendingTimer& p : in.timers)
      t.add_row({timer_text(def, p), time_text(p.due)});
    out += "\n" + t.render();
  }
  if (actions) {
    out += "\nactions for " + user + ": " +
           (actions->empty() ? std::string("none now") : joined(*actions)) + "\n";
  }
  print_out(out);
}

}  // namespace

CLI::App* add_show_command(CLI::App& app, ShowOptions& options) {
  CLI::App* cmd = app.add_subcommand("show", "Show an item: state, fields, reviews, timers");
  cmd->add_option("ID", options.instance, "The item")->required();
  cmd->add_option("--as", options.user, "Also list the actions this user may take now");
  return cmd;
}

ExitCode run_show(const ShowOptions& options, const GlobalOptions& global) {
  auto app = open_app(global);
  if (!app) return report(app.error(), global);
  std::optional<std::string> as;
  if (!options.user.empty()) as = options.user;
  auto view = app->show(options.instance, as);
  if (!view) return report(view.error(), global);
  const Definition& def = *view->procedure.definition;
  const std::optional<std::vector<std::string>>& actions = view->actions;
  const Instance* instance = &view->instance;
  if (!global.json) {
    print_text(def, *instance, actions, options.user);
    return ExitCode::Ok;
  }
  boost::json::object doc = instance_json(def, *instance);
  doc["ok"] = true;
  doc["state_title"] = state_title(def, instance->state);
  doc["fields"] = named_json(fields_of(def, *instance));
  doc["derived"] = named_json(derived_of(def, *instance));
  boost::json::array reviews, timers, waiting;
  for (const engine::ReviewRecord& r : instance->reviews) {
    boost::json::object o;
    o["reviewer"] = r.reviewer;
    o["on_behalf_of"] = r.on_behalf_of;
    o["recused"] = r.recused;
    boost::json::array scores;
    for (const engine::Value& v : r.scores) scores.push_back(value_json(v));
    o["scores"] = std::move(scores);
    o["vote"] = value_json(r.vote);
    o["text"] = review_text(def, r);
    reviews.push_back(std::move(o));
  }
  for (const engine::PendingTimer& p : instance->timers) {
    boost::json::object o;
    o["timer"] = timer_text(def, p);
    o["due"] = time_json(p.due);
    timers.push_back(std::move(o));
  }
  for (const std::string& w : waiting_for(def, *instance))
    waiting.push_back(boost::json::string(w));
  doc["reviews"] = std::move(reviews);
  doc["timers"] = std::move(timers);
  doc["waiting_for"] = std::move(waiting);
  if (actions) {
    boost::json::array a;
    for (const std::string& x : *actions) a.push_back(boost::json::string(x));
    doc["actions"] = std::move(a);
  }
  print_json(doc);
  return ExitCode::Ok;
}

}  // namespace dojang::cli
