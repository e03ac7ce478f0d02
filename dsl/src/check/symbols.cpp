// Declarations: roles, fields, states, lets and tables, with duplicate and name checks.

#include <algorithm>

#include "check/checker.hpp"
#include "dojang/dsl/suggest.hpp"
#include "dojang/dsl/text_width.hpp"

namespace dojang::dsl::detail {

Checker::Checker(const SourceFile& file, const ast::Workflow& workflow)
    : m_file(file), m_ast(workflow) {}

void Checker::error(const ast::Node& where, std::string message, std::vector<std::string> notes) {
  m_diags.push_back(Diagnostic{Severity::Error, where.offset, where.length, std::move(message),
                               std::move(notes)});
}

void Checker::warning(const ast::Node& where, std::string message, std::vector<std::string> notes) {
  m_diags.push_back(Diagnostic{Severity::Warning, where.offset, where.length, std::move(message),
                               std::move(notes)});
}

std::string Checker::source_of(const ast::Node& n, std::size_t max_columns) const {
  std::string_view text = std::string_view(m_file.text()).substr(n.offset, n.length);
  std::string out;
  auto const blank = [](char c) { return c == '\n' || c == '\r' || c == '\t' || c == ' '; };
  // Usually there is nothing to fold: single spaces between the words, on one line.
  bool folded = !text.empty() && (blank(text.front()) || blank(text.back()));
  for (std::size_t i = 0; i < text.size() && !folded; ++i) {
    char const c = text[i];
    folded = c == '\n' || c == '\r' || c == '\t' ||
             (c == ' ' && i + 1 < text.size() && text[i + 1] == ' ');
  }
  if (!folded) out.assign(text);
  if (folded) out.reserve(text.size());
  // Fold line breaks and runs of blanks into one space, copying the runs between them whole.
  for (std::size_t i = 0; folded && i < text.size();) {
    if (blank(text[i])) {
      while (i < text.size() && blank(text[i])) ++i;
      if (!out.empty() && i < text.size()) out += ' ';
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && !blank(text[j])) ++j;
    out.append(text, i, j - i);
    i = j;
  }
  // No character is wider than its UTF-8 bytes (an invalid byte is one column): a text of at
  // most max_columns bytes fits without measuring it.
  if (out.size() > max_columns && display_width(out) > max_columns) {
    std::string cut;
    for (std::size_t i = 0; i < out.size();) {
      auto const unit = decode_utf8(out, i);
      std::string next = cut + out.substr(i, unit.length);
      if (display_width(next) > max_columns - 1) break;
      cut = std::move(next);
      i += unit.length;
    }
    out = cut + "…";
  }
  return out;
}

std::uint32_t Checker::line_of(std::uint32_t offset) {
  std::uint32_t const lines = m_file.line_count();
  if (m_line_hint > lines || m_file.line_offset(m_line_hint) > offset) {
    m_line_hint = m_file.position(offset).line;
    return m_line_hint;
  }
  while (m_line_hint < lines && m_file.line_offset(m_line_hint + 1) <= offset) ++m_line_hint;
  return m_line_hint;
}

template <typename Map>
void Checker::unknown_name(const ast::Name& n, std::string_view what, const Map& known) {
  std::vector<std::string> names;
  for (auto const& [name, index] : known) names.push_back(name);
  std::string message = "unknown " + std::string(what) + " '" + n.text + "'";
  if (auto best = did_you_mean(n.text, names)) message += " (did you mean '" + *best + "'?)";
  error(n, std::move(message));
}

engine::FieldType Checker::field_type(const ast::TypeSpec& t, std::string_view owner) {
  engine::FieldType out;
  switch (t.kind) {
    case ast::TypeKind::Text:
      out.kind = engine::FieldKind::Text;
      break;
    case ast::TypeKind::Number:
      out.kind = engine::FieldKind::Number;
      break;
    case ast::TypeKind::Count:
      out.kind = engine::FieldKind::Number;
      out.whole = true;
      break;
    case ast::TypeKind::Money:
      out.kind = engine::FieldKind::Money;
      break;
    case ast::TypeKind::Bool:
      out.kind = engine::FieldKind::Bool;
      break;
    case ast::TypeKind::Date:
      out.kind = engine::FieldKind::Date;
      break;
    case ast::TypeKind::Person:
      out.kind = engine::FieldKind::Person;
      break;
    case ast::TypeKind::Unit:
      out.kind = engine::FieldKind::Unit;
      break;
    case ast::TypeKind::OneOf: {
      out.kind = engine::FieldKind::OneOf;
      for (auto const& v : t.values) {
        if (std::find(out.values.begin(), out.values.end(), v.text) != out.values.end()) {
          error(v, "value '" + v.text + "' is listed twice in " + std::string(owner) + "'s one_of");
          continue;
        }
        out.values.push_back(v.text);
      }
      break;
    }
    case ast::TypeKind::Score:
      out.kind = engine::FieldKind::Score;
      out.lo = t.lo;
      out.hi = t.hi;
      // Whole numbers unless a bound is written with a decimal point (`score 0.0..5.0`).
      out.whole = t.lo_text.find_first_of(".eE") == std::string::npos &&
                  t.hi_text.find_first_of(".eE") == std::string::npos;
      if (t.lo >= t.hi) {
        error(t, "score range " + t.lo_text + ".." + t.hi_text + " of " + std::string(owner) +
                     " is empty: the lower bound must be below the upper");
      }
      break;
  }
  return out;
}

void Checker::declare_roles() {
  for (auto const& r : m_ast.roles) {
    if (r.name.text == "submitter" || r.name.text == "anyone") {
      error(r.name, "'" + r.name.text + "' is a word of the language and cannot name a role");
      continue;
    }
    if (m_roles.contains(r.name.text)) {
      error(r.name, "role '" + r.name.text + "' is declared twice");
      continue;
    }
    m_roles.emplace(r.name.text, static_cast<engine::Index>(m_def.roles.size()));
    using Scope = engine::RoleDef::Scope;
    m_def.roles.push_back({r.name.text, r.label.empty() ? r.name.text : r.label,
                           r.scope == ast::RoleScope::Unit           ? Scope::Unit
                           : r.scope == ast::RoleScope::UnitAndBelow ? Scope::UnitAndBelow
                                                                     : Scope::Office});
  }
  if (m_ast.roles.empty())
    error(m_ast.name,
          "procedure '" + m_ast.name.text + "' declares no roles: add a 'roles { ... }' block");
}

std::string Checker::type_word(const engine::FieldType& t) {
  switch (t.kind) {
    case engine::FieldKind::Text:
      return "text";
    case engine::FieldKind::Number:
      return t.whole ? "count" : "number";
    case engine::FieldKind::Money:
      return "money";
    case engine::FieldKind::Bool:
      return "bool";
    case engine::FieldKind::Date:
      return "date";
    case engine::FieldKind::OneOf:
      return "one_of";
    case engine::FieldKind::Score:
      return "score";
    case engine::FieldKind::Person:
      return "person";
    case engine::FieldKind::Unit:
      return "unit";
  }
  return "value";
}

void Checker::declare_unit_from() {
  if (!m_ast.unit_from) return;
  const ast::Name& n = *m_ast.unit_from;
  const engine::Index f = resolve_field(n);
  if (f == engine::kNone) return;
  if (m_def.fields[f].type.kind != engine::FieldKind::Unit) {
    error(n, "'unit from " + n.text + "': the item's unit comes from a field of type unit; '" +
                 n.text + "' is " + type_word(m_def.fields[f].type));
    return;
  }
  m_def.unit_field = f;
}

void Checker::declare_fields() {
  for (auto const& f : m_ast.fields) {
    if (m_fields.contains(f.name.text)) {
      error(f.name, "field '" + f.name.text + "' is declared twice");
      continue;
    }
    engine::FieldDef def;
    def.name = f.name.text;
    def.label = f.label.empty() ? f.name.text : f.label;
    def.type = field_type(f.type, f.name.text);
    def.required = f.required;
    def.slot = static_cast<engine::Index>(m_def.fields.size());
    m_fields.emplace(def.name, def.slot);
    m_def.fields.push_back(std::move(def));
  }
}

void Checker::declare_states() {
  bool has_final = false;
  for (auto const& s : m_ast.states) {
    if (m_states.contains(s.name.text)) {
      error(s.name, "state '" + s.name.text + "' is declared twice");
      continue;
    }
    engine::StateDef def;
    def.name = s.name.text;
    def.label = s.label.empty() ? s.name.text : s.label;
    def.kind = s.kind == ast::StateKind::Final      ? engine::StateKind::Final
               : s.kind == ast::StateKind::Decision ? engine::StateKind::Decision
                                                    : engine::StateKind::Normal;
    has_final = has_final || def.kind == engine::StateKind::Final;
    m_states.emplace(def.name, static_cast<engine::Index>(m_def.states.size()));
    m_def.states.push_back(std::move(def));
    m_state_ast.push_back(&s);
  }
  if (!has_final)
    error(m_ast.name,
          "procedure '" + m_ast.name.text + "' has no final state: add 'final NAME \"label\"'");
  if (!m_ast.start) {
    error(m_ast.name, "procedure '" + m_ast.name.text + "' has no start state: add 'start STATE'");
    m_names_broken = true;
    return;
  }
  m_def.start = resolve_state(*m_ast.start);
  if (m_def.start == engine::kNone) return;
  if (m_def.states[m_def.start].kind == engine::StateKind::Final) {
    error(*m_ast.start,
          "the start state '" + m_ast.start->text + "' is a final state: nothing could happen");
  }
}

void Checker::declare_lets_and_tables() {
  auto const taken = [&](const ast::Name& n) {
    if (m_fields.contains(n.text) || m_lets.contains(n.text) || m_tables.contains(n.text)) {
      error(n, "'" + n.text + "' is already the name of a field, value or table");
      return true;
    }
    return false;
  };
  engine::Index slot = static_cast<engine::Index>(m_def.fields.size());
  for (std::size_t i = 0; i < m_ast.lets.size(); ++i) {
    auto const& l = m_ast.lets[i];
    if (taken(l.name)) continue;
    m_lets.emplace(l.name.text, static_cast<engine::Index>(i));
  }
  m_def.lets.resize(m_ast.lets.size());
  for (std::size_t i = 0; i < m_ast.lets.size(); ++i) {
    m_def.lets[i].name = m_ast.lets[i].name.text;
    m_def.lets[i].slot = slot++;
  }
  m_let_state.assign(m_ast.lets.size(), 0);
  m_let_typed.resize(m_ast.lets.size());
  m_def.tables.resize(m_ast.tables.size());
  for (std::size_t i = 0; i < m_ast.tables.size(); ++i) {
    auto const& t = m_ast.tables[i];
    auto& def = m_def.tables[i];
    def.name = t.name.text;
    def.label = t.label.empty() ? t.name.text : t.label;
    def.hit = t.hit == ast::HitPolicy::First    ? engine::HitPolicy::First
              : t.hit == ast::HitPolicy::Unique ? engine::HitPolicy::Unique
                                                : engine::HitPolicy::Collect;
    for (auto const& o : t.outputs) {
      if (std::any_of(def.outputs.begin(), def.outputs.end(),
                      [&](auto const& x) { return x.name == o.name.text; })) {
        error(o.name,
              "output '" + o.name.text + "' is declared twice in table '" + t.name.text + "'");
      }
      def.outputs.push_back({o.name.text, field_type(o.type, o.name.text), slot++});
    }
    if (!taken(t.name)) m_tables.emplace(t.name.text, static_cast<engine::Index>(i));
  }
  m_table_state.assign(m_ast.tables.size(), 0);
  m_table_outputs.resize(m_ast.tables.size());
  m_def.slot_count = slot;
}

engine::Index Checker::resolve_state(const ast::Name& n) {
  if (auto it = m_states.find(n.text); it != m_states.end()) return it->second;
  unknown_name(n, "state", m_states);
  m_names_broken = true;
  return engine::kNone;
}

engine::Index Checker::resolve_field(const ast::Name& n) {
  if (auto it = m_fields.find(n.text); it != m_fields.end()) return it->second;
  unknown_name(n, "field", m_fields);
  return engine::kNone;
}

engine::Index Checker::resolve_role(const ast::Name& n) {
  if (auto it = m_roles.find(n.text); it != m_roles.end()) return it->second;
  unknown_name(n, "role", m_roles);
  return engine::kNone;
}

bool Checker::resolve_actor(const ast::Name& n, ast::HeadOf head, engine::Actor& actor) {
  if (head != ast::HeadOf::None) {
    actor.kind = engine::Actor::Kind::Head;
    actor.of = head == ast::HeadOf::ParentUnit      ? engine::Actor::Of::ParentUnit
               : head == ast::HeadOf::SubmitterUnit ? engine::Actor::Of::SubmitterUnit
                                                    : engine::Actor::Of::Unit;
    return true;
  }
  if (!m_roles.contains(n.text)) {
    // A person field names the person: `on approve by approver` with `approver person`.
    if (auto it = m_fields.find(n.text); it != m_fields.end()) {
      if (m_def.fields[it->second].type.kind == engine::FieldKind::Person) {
        actor.kind = engine::Actor::Kind::Person;
        actor.field = it->second;
        return true;
      }
      error(n, "'" + n.text + "' is a field of type " + type_word(m_def.fields[it->second].type) +
                   ", not a role: only a 'person' field can name who acts or hears of it");
      return false;
    }
  }
  if (n.text == "submitter") {
    actor.kind = engine::Actor::Kind::Submitter;
    return true;
  }
  if (n.text == "anyone") {
    actor.kind = engine::Actor::Kind::Anyone;
    return true;
  }
  actor.kind = engine::Actor::Kind::Role;
  actor.role = resolve_role(n);
  return actor.role != engine::kNone;
}

template void Checker::unknown_name(const ast::Name&, std::string_view,
                                    const std::map<std::string, engine::Index, std::less<>>&);

}  // namespace dojang::dsl::detail
