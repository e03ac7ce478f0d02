// What people look at: their inbox, an item, its history, the audit of every history, and the
// directory they are in.

#include <algorithm>
#include <limits>
#include <set>

#include "directory_file.hpp"
#include "dojang/base/civil.hpp"
#include "dojang/base/iso8601.hpp"
#include "dojang/base/local_time.hpp"
#include "dojang/engine/replay.hpp"
#include "state.hpp"

namespace dojang::app {
namespace {

// What an inbox looks for: the person's roles and those of whom they act for, and each of them
// by name (a draft waits for its drafter, a `by submitter` action for the submitter).
std::vector<std::string> roles_of(const engine::Principal& who) {
  const std::string person(engine::kWaitingPerson);
  std::vector<std::string> roles = who.roles;
  roles.push_back(person + who.user);
  for (const auto& f : who.acting_for) {
    roles.insert(roles.end(), f.roles.begin(), f.roles.end());
    roles.push_back(person + f.user);
  }
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  return roles;
}

// Those the user acts for on this item: the absent people whose roles open an action that the
// user's own roles do not.
std::vector<std::string> on_behalf_of(const engine::Definition& def,
                                      const engine::Instance& instance,
                                      const engine::Principal& who, engine::Date now) {
  engine::Principal own = who;
  own.acting_for.clear();
  const std::vector<std::string> mine = engine::allowed_actions(def, instance, own, now);
  std::vector<std::string> out;
  for (const auto& f : who.acting_for) {
    engine::Principal only = own;
    only.roles.clear();
    only.acting_for = {f};
    for (const std::string& a : engine::allowed_actions(def, instance, only, now)) {
      if (std::find(mine.begin(), mine.end(), a) == mine.end()) {
        out.push_back(f.user);
        break;
      }
    }
  }
  return out;
}

// Where an item's stored state and fields differ from what its history folds to ("" when not).
std::string fold_mismatch(const engine::Definition& def, const engine::Instance& in,
                          const std::vector<store::StoredEvent>& stored) {
  std::vector<engine::HistoryEvent> events;
  events.reserve(stored.size());
  for (const store::StoredEvent& e : stored) events.push_back(e.event);
  auto folded = engine::fold_history(def, events);
  if (!folded) return "its history does not hold together: " + folded.error();
  auto name = [&](engine::Index s) {
    return s < def.states.size() ? "'" + def.states[s].name + "'" : std::string("(none)");
  };
  if (folded->state != in.state)
    return "it is stored in state " + name(in.state) + " but its history leads to " +
           name(folded->state);
  if (folded->revision != in.revision)
    return "it is stored at revision " + std::to_string(in.revision) + " but its history has " +
           std::to_string(folded->revision) + " events";
  const std::vector<engine::Value> fields = engine::field_values(def, in);
  for (std::size_t i = 0; i < def.fields.size() && i < fields.size(); ++i) {
    if (!(fields[i] == folded->fields[i]))
      return "its field '" + def.fields[i].name + "' is stored as " + engine::to_string(fields[i]) +
             " but its history sets " + engine::to_string(folded->fields[i]);
  }
  return "";
}

// Every role some deployed procedure declares, in any version.
Result<std::set<std::string>> declared_roles(State& state) {
  auto records = state.store().definitions();
  if (!records) return std::unexpected(from_store(records.error()));
  std::set<std::string> roles;
  for (const store::DefinitionRecord& r : *records) {
    auto procedure = state.procedure(r.name, r.version);
    if (!procedure) return std::unexpected(procedure.error());
    for (const engine::RoleDef& role : procedure->definition->roles) roles.insert(role.name);
  }
  return roles;
}

// A role held in the directory that no deployed procedure declares: a misspelling, or a
// procedure not deployed yet. "FILE:LINE: message" for each.
std::vector<std::string> undeclared_roles(const std::string& path, const ParsedDirectory& parsed,
                                          const std::set<std::string>& declared) {
  std::vector<std::string> problems;
  for (const store::Person& p : parsed.directory.people) {
    for (const std::string& held : p.roles) {
      const std::string role = held.substr(0, held.find('@'));
      if (declared.contains(role)) continue;
      const auto line = parsed.person_line.find(p.id);
      problems.push_back(path + ":" +
                         (line != parsed.person_line.end() ? std::to_string(line->second) : "?") +
                         ": " + p.id + " holds the role '" + role +
                         "', which no deployed procedure declares: deploy the procedure first, "
                         "or correct the name");
    }
  }
  return problems;
}

}  // namespace

Result<std::vector<InboxEntry>> App::inbox(const std::string& user, int limit) {
  State& state = *m;
  state.begin();
  auto who = state.principal(user);
  if (!who) return std::unexpected(who.error());
  auto waiting = state.store().inbox(roles_of(*who), limit);
  if (!waiting) return std::unexpected(from_store(waiting.error()));
  std::vector<InboxEntry> out;
  for (const store::InstanceSummary& s : *waiting) {
    auto item = state.item(s.id);
    if (!item) return std::unexpected(item.error());
    const engine::Definition& def = *item->procedure.definition;
    std::vector<std::string> actions =
        engine::allowed_actions(def, item->instance, *who, state.now);
    if (actions.empty()) continue;
    std::vector<std::string> behalf = on_behalf_of(def, item->instance, *who, state.now);
    out.push_back(
        {item->procedure, std::move(item->instance), std::move(actions), std::move(behalf)});
  }
  return out;
}

Result<ItemView> App::show(const std::string& id, const std::optional<std::string>& user) {
  State& state = *m;
  state.begin();
  auto item = state.item(id);
  if (!item) return std::unexpected(item.error());
  ItemView view{item->procedure, std::move(item->instance), std::nullopt};
  if (user) {
    auto who = state.principal(*user);
    if (!who) return std::unexpected(who.error());
    const engine::Definition& def = *view.procedure.definition;
    view.actions = engine::allowed_actions(def, view.instance, *who, state.now);
    view.instance.reviews = engine::visible_reviews(def, view.instance, *who);  // blind reviews
  }
  return view;
}

Result<HistoryView> App::history(const std::string& id) {
  State& state = *m;
  state.begin();
  auto item = state.item(id);
  if (!item) return std::unexpected(item.error());
  auto events = state.store().history(id);
  if (!events) return std::unexpected(from_store(events.error()));
  return HistoryView{item->procedure, std::move(item->instance), std::move(*events)};
}

Result<ListPage> App::list(const ListQuery& query) {
  State& state = *m;
  state.begin();
  auto bad = [](std::string message) {
    return std::unexpected(Error{Error::Kind::BadInput, "bad_input", std::move(message), {}});
  };
  if (query.limit < 1 || query.limit > 1000)
    return bad("a list shows 1 to 1000 items at a time; " + std::to_string(query.limit) +
               " is outside that");
  if (query.offset < 0) return bad("the offset of a list cannot be negative");
  store::ListQuery q;
  q.workflow = query.workflow;
  q.state_name = query.state;
  q.submitter = query.submitter;
  q.final = query.finished;
  if (query.unit) {
    // The unit by id or name, with the units below it (a division's list holds its teams').
    auto org = state.organisation();
    if (!org) return std::unexpected(org.error());
    const auto [unit, also] = (*org)->lookup(*query.unit);
    if (also != nullptr) {
      return bad("more than one unit is called '" + *query.unit + "' (" + unit->id + ", " +
                 also->id + "); give the unit's id");
    }
    if (unit == nullptr) return bad("there is no unit '" + *query.unit + "' in the directory");
    for (const engine::Unit& u : (*org)->units()) {
      if ((*org)->within(u, unit->id)) q.units.push_back(u.id);
    }
  }
  // Office days: from the first day's midnight to the midnight after the last day.
  auto day = [&](const std::optional<std::string>& text, int after,
                 std::optional<engine::Date>& into) -> std::optional<Error> {
    if (!text) return std::nullopt;
    auto date = base::parse_date(*text);
    if (!date) {
      return Error{Error::Kind::BadInput,
                   "bad_input",
                   date.error() == base::DateTextError::DoesNotExist
                       ? *text + " does not exist"
                       : "'" + *text + "' is not a date (YYYY-MM-DD)",
                   {}};
    }
    into = engine::Date{
        base::start_of_local_day(base::days_from_civil(*date) + after, base::office_zone())};
    return std::nullopt;
  };
  if (auto e = day(query.from_day, 0, q.from)) return std::unexpected(*e);
  if (auto e = day(query.to_day, 1, q.to)) return std::unexpected(*e);
  for (std::size_t at = 0; at < query.words.size();) {
    const std::size_t end = std::min(query.words.find(' ', at), query.words.size());
    if (end > at) q.words.push_back(query.words.substr(at, end - at));
    at = end + 1;
  }
  q.limit = query.limit + 1;  // one more: is there another page?
  q.offset = query.offset;
  auto rows = state.store().list(q);
  if (!rows) return std::unexpected(from_store(rows.error()));
  ListPage page;
  page.more = rows->size() > static_cast<std::size_t>(query.limit);
  if (page.more) rows->pop_back();
  for (store::InstanceSummary& s : *rows) {
    ListEntry entry{std::move(s), nullptr, ""};
    entry.title = entry.summary.id;
    if (auto item = state.item(entry.summary.id)) {
      const engine::Definition& def = *item->procedure.definition;
      entry.definition = item->procedure.definition;
      for (const engine::FieldDef& f : def.fields) {
        if (f.type.kind != engine::FieldKind::Text) continue;
        if (f.slot < item->instance.slots.size()) {
          if (const std::string* t = item->instance.slots[f.slot].as_text()) entry.title = *t;
        }
        break;
      }
    }
    page.items.push_back(std::move(entry));
  }
  return page;
}

Result<store::AuditReport> App::audit(const std::optional<std::string>& id) {
  State& state = *m;
  state.begin();
  auto checked = state.store().verify(id);
  if (!checked) {
    Error error = from_store(checked.error());
    if (checked.error().code == store::Error::Code::NotFound && id)
      error.message = "no item '" + *id + "'";
    return std::unexpected(error);
  }
  store::AuditReport report = std::move(*checked);
  // The chains hold; now each item against what its history folds to.
  std::vector<std::string> ids;
  if (id) {
    ids.push_back(*id);
  } else {
    auto all = state.store().instances(std::nullopt, std::numeric_limits<int>::max());
    if (!all) return std::unexpected(from_store(all.error()));
    for (const store::InstanceSummary& s : *all) ids.push_back(s.id);
  }
  for (const std::string& one : ids) {
    const bool chain_broken = std::ranges::any_of(
        report.problems, [&](const store::AuditProblem& p) { return p.instance == one; });
    if (chain_broken) continue;  // one problem per item: the chain's comes first
    auto item = state.item(one);
    if (!item) return std::unexpected(item.error());
    auto events = state.store().history(one);
    if (!events) return std::unexpected(from_store(events.error()));
    std::string why = fold_mismatch(*item->procedure.definition, item->instance, *events);
    if (!why.empty()) report.problems.push_back({one, item->instance.revision, std::move(why)});
  }
  std::ranges::sort(report.problems, {}, &store::AuditProblem::instance);
  return report;
}

Result<DirectoryLoaded> App::load_directory(const std::string& path, std::string_view text) {
  State& state = *m;
  state.begin();
  auto refused = [&](std::vector<std::string> problems) {
    const std::size_t n = problems.size();
    return std::unexpected(Error{Error::Kind::Refused, "invalid_directory",
                                 std::to_string(n) + (n == 1 ? " problem" : " problems") + " in " +
                                     path + "; nothing loaded",
                                 std::move(problems)});
  };
  auto parsed = parse_directory(path, text);
  if (!parsed) return refused(std::move(parsed.error()));
  const store::Directory& directory = parsed->directory;
  auto declared = declared_roles(state);
  if (!declared) return std::unexpected(declared.error());
  if (auto problems = undeclared_roles(path, *parsed, *declared); !problems.empty())
    return refused(std::move(problems));
  if (auto loaded = state.store().load_directory(directory); !loaded)
    return std::unexpected(from_store(loaded.error()));
  DirectoryLoaded out;
  out.units = directory.units.size();
  out.people = directory.people.size();
  for (const store::Person& p : directory.people) out.roles += p.roles.size();
  out.deputies = directory.deputies.size();
  return out;
}

}  // namespace dojang::app
