// Deploy: everything is compiled before anything is stored (one bad file deploys nothing), and
// a `start WORKFLOW with field = expr, ...` must fit the procedure it starts.

#include <algorithm>

#include "state.hpp"

namespace dojang::app {

namespace {

struct Deploying {
  std::string path;  // the file, for messages
  const engine::Definition* definition = nullptr;
};

std::string type_words(engine::Type t) {
  switch (t) {
    case engine::Type::Null:
      return "null";
    case engine::Type::Bool:
      return "true/false";
    case engine::Type::Number:
      return "a number";
    case engine::Type::Text:
      return "text";
    case engine::Type::Date:
      return "a date";
    case engine::Type::Duration:
      return "a duration";
    case engine::Type::List:
      return "a list";
    case engine::Type::Money:
      return "money";
  }
  return "a value";
}

std::string field_words(const engine::FieldType& f) {
  switch (f.kind) {
    case engine::FieldKind::Text:
      return "text";
    case engine::FieldKind::Number:
      return "a number";
    case engine::FieldKind::Money:
      return "money";
    case engine::FieldKind::Bool:
      return "true/false";
    case engine::FieldKind::Date:
      return "a date";
    case engine::FieldKind::OneOf: {
      std::string out = "one of ";
      for (std::size_t i = 0; i < f.values.size(); ++i) out += (i ? ", " : "") + f.values[i];
      return out;
    }
    case engine::FieldKind::Score:
      return "a score from " + engine::to_string(engine::Value{f.lo}) + " to " +
             engine::to_string(engine::Value{f.hi});
    case engine::FieldKind::Person:
      return "a person";
    case engine::FieldKind::Unit:
      return "a unit";
  }
  return "a value";
}

bool fits(engine::Type t, const engine::FieldType& f) {
  using K = engine::FieldKind;
  switch (t) {
    case engine::Type::Null:
      return true;
    case engine::Type::Text:
      return f.kind == K::Text || f.kind == K::OneOf || f.kind == K::Person || f.kind == K::Unit;
    case engine::Type::Number:
      return f.kind == K::Number || f.kind == K::Money || f.kind == K::Score;
    case engine::Type::Bool:
      return f.kind == K::Bool;
    case engine::Type::Date:
      return f.kind == K::Date;
    case engine::Type::Money:
      return f.kind == K::Money;
    default:
      return false;
  }
}

// A literal written in the `start` (a quoted text or a plain number) that the field cannot hold:
// not one of a one_of's values, or outside a score's range. Expressions are left to the runtime.
bool literal_misfits(const engine::StartDef::Assignment& a, const engine::FieldType& f) {
  const std::string& s = a.source;
  const bool quoted = s.size() >= 2 && s.front() == '"' && s.back() == '"';
  const bool number = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '-';
  });
  if (!quoted && !number) return false;
  const engine::Value v = a.expr.evaluate(engine::Env{});
  if (const std::string* text = v.as_text(); text && f.kind == engine::FieldKind::OneOf)
    return std::find(f.values.begin(), f.values.end(), *text) == f.values.end();
  if (const double* n = v.as_number(); n && f.kind == engine::FieldKind::Score)
    return *n < f.lo || *n > f.hi;
  return false;
}

// One line per problem: "FILE:LINE: 'propose_task' starts 'innovation_task', which ...".
// Empty when every `start` fits: it names a procedure deployed (or deployed with it), fields
// that procedure has and values whose type fits them. The latest version counts.
std::vector<std::string> start_problems(State& session, const std::vector<Deploying>& files) {
  std::vector<std::string> problems;
  for (const Deploying& file : files) {
    const engine::Definition& def = *file.definition;
    for (const engine::StateDef& state : def.states) {
      for (const engine::ActionDef& action : state.actions) {
        for (const engine::StartDef& start : action.starts) {
          const std::string where = file.path + ":" + std::to_string(action.line) + ": '" +
                                    action.name + "' starts '" + start.workflow + "'";
          // The same command may deploy it; else its latest deployed version.
          const engine::Definition* target = nullptr;
          for (const Deploying& other : files) {
            if (other.definition->name == start.workflow) target = other.definition;
          }
          std::shared_ptr<const engine::Definition> keep;
          if (target == nullptr) {
            auto procedure = session.procedure(start.workflow, std::nullopt);
            if (!procedure) {
              problems.push_back(where + ", which is not deployed: deploy it first (or with it)");
              continue;
            }
            keep = procedure->definition;
            target = keep.get();
          }
          for (const engine::StartDef::Assignment& a : start.assignments) {
            const engine::Index f = target->field_index(a.field);
            if (f == engine::kNone) {
              std::string names;
              for (const engine::FieldDef& field : target->fields)
                names += (names.empty() ? "" : ", ") + field.name;
              problems.push_back(where + ", which has no field '" + a.field +
                                 "'; its fields are: " + names);
              continue;
            }
            const engine::FieldType& type = target->fields[f].type;
            if (!fits(a.expr.type(), type)) {
              problems.push_back(where + ": '" + a.field + "' is " + field_words(type) + ", but '" +
                                 a.source + "' gives " + type_words(a.expr.type()));
              continue;
            }
            if (literal_misfits(a, type))
              problems.push_back(where + ": '" + a.field + "' needs " + field_words(type) + "; " +
                                 a.source + " is not");
          }
        }
      }
    }
  }
  return problems;
}

}  // namespace

bool DeployReport::compiled_ok() const {
  return std::all_of(compiled.begin(), compiled.end(), [](const dsl::CompileResult& r) {
    return r.ok() && !dsl::has_errors(r.diagnostics);
  });
}

Result<DeployReport> App::deploy(const std::vector<dsl::SourceFile>& files,
                                 std::vector<dsl::CompileResult> compiled) {
  State& state = *m;
  state.begin();
  DeployReport report;
  report.compiled = std::move(compiled);
  if (report.compiled.size() != files.size()) {
    report.compiled.clear();
    for (const dsl::SourceFile& file : files) report.compiled.push_back(dsl::compile(file));
  }
  if (!report.compiled_ok()) return report;
  std::vector<Deploying> deploying;
  for (std::size_t i = 0; i < files.size(); ++i)
    deploying.push_back({files[i].path(), report.compiled[i].definition.get()});
  report.start_problems = start_problems(state, deploying);
  if (!report.start_problems.empty()) return report;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const engine::Definition& def = *report.compiled[i].definition;
    auto outcome = state.store().deploy(def.name, files[i].text(), def.source_hash, state.now);
    if (!outcome) return std::unexpected(from_store(outcome.error()));
    report.deployed.push_back({files[i].path(), *outcome, def.source_hash});
  }
  return report;
}

Result<std::vector<DefinitionInfo>> App::definitions() {
  State& state = *m;
  state.begin();
  auto records = state.store().definitions();
  if (!records) return std::unexpected(from_store(records.error()));
  std::vector<DefinitionInfo> out;
  for (store::DefinitionRecord& record : *records) {
    auto procedure = state.procedure(record.name, record.version);
    DefinitionInfo info{std::move(record), "", procedure.has_value()};
    if (procedure) info.label = procedure->definition->label;
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace dojang::app
