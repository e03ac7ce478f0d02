#include "deploy_starts.hpp"

#include <algorithm>

namespace dojang::cli {
namespace {

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
  }
  return "a value";
}

bool fits(engine::Type t, const engine::FieldType& f) {
  using K = engine::FieldKind;
  switch (t) {
    case engine::Type::Null:
      return true;
    case engine::Type::Text:
      return f.kind == K::Text || f.kind == K::OneOf;
    case engine::Type::Number:
      return f.kind == K::Number || f.kind == K::Money || f.kind == K::Score;
    case engine::Type::Bool:
      return f.kind == K::Bool;
    case engine::Type::Date:
      return f.kind == K::Date;
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

}  // namespace

std::vector<std::string> start_problems(Session& session, const std::vector<Deploying>& files) {
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

}  // namespace dojang::cli
