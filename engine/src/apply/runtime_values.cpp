// What people type, parsed by field type; values and names written back for people to read.

#include <algorithm>
#include <charconv>
#include <cmath>

#include "apply/runtime_detail.hpp"
#include "dojang/base/iso8601.hpp"

namespace dojang::engine::detail {

namespace {

std::string number_words(double v) {
  return plain(Value{v});
}

// "a number from 0 to 20", "one of a, b", ... : what a field accepts, in words.
std::string type_words(const FieldType& t) {
  switch (t.kind) {
    case FieldKind::Text:
      return "text";
    case FieldKind::Number:
      return t.whole ? "a whole number, 0 or more" : "a number";
    case FieldKind::Money:
      return "an amount of money (a number; commas allowed)";
    case FieldKind::Bool:
      return "true or false (예/아니오)";
    case FieldKind::Date:
      return "a date written YYYY-MM-DD";
    case FieldKind::OneOf:
      return "one of " + join(t.values, ", ");
    case FieldKind::Person:
      return "a person of the directory, by id";
    case FieldKind::Unit:
      return "a unit of the directory, by id or name";
    case FieldKind::Score:
      return "a number from " + number_words(t.lo) + " to " + number_words(t.hi);
  }
  return "a value";
}

std::optional<double> parse_number(std::string_view text) {
  std::string digits;
  for (const char c : text) {
    if (c != ',') digits += c;
  }
  if (digits.empty()) return std::nullopt;
  double v = 0;
  const char* const end = digits.data() + digits.size();
  const auto [ptr, ec] = std::from_chars(digits.data(), end, v);
  if (ec != std::errc{} || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v == 0 ? 0.0 : v;  // no -0
}

// A calendar date is midnight UTC of that day.
std::optional<Date> parse_date(std::string_view s) {
  const auto date = base::parse_date(s);
  if (!date) return std::nullopt;
  return Date{base::days_from_civil(*date) * base::kSecondsPerDay};
}

// Written YYYY-MM-DD (digits and dashes), whether or not such a day exists.
bool date_shaped(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

std::optional<bool> parse_bool(std::string_view s) {
  if (s == "true" || s == "yes" || s == "예" || s == "y") return true;
  if (s == "false" || s == "no" || s == "아니오" || s == "n") return false;
  return std::nullopt;
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::expected<Value, std::string> parse_value(const FieldType& type, std::string_view text,
                                              std::string_view label) {
  const std::string_view t = trim(text);
  if (t.empty()) return Value{};  // an empty value clears the field
  auto bad = [&] {
    return std::unexpected(quoted(label) + " needs " + type_words(type) + "; " + quoted(text) +
                           " is not");
  };
  switch (type.kind) {
    case FieldKind::Text:
      return Value{std::string(text)};
    case FieldKind::Money: {
      // Exactly as written: 0.1 is 0.1, not the nearest double.
      const auto m = Decimal::parse(t);
      if (!m) {
        return std::unexpected(quoted(label) + " needs an amount of money; " + quoted(text) +
                               " is not: " + m.error());
      }
      // Money is never negative (no procedure has a field that allows it yet).
      if (m->negative()) {
        return std::unexpected(quoted(label) + " is an amount of money and cannot be negative; " +
                               quoted(text) + " is not allowed");
      }
      return Value{*m};
    }
    case FieldKind::Number:
    case FieldKind::Score: {
      const std::optional<double> v = parse_number(t);
      if (!v) return bad();
      if (type.kind == FieldKind::Score && (*v < type.lo || *v > type.hi)) return bad();
      if (type.whole && (*v != std::trunc(*v) || (type.kind == FieldKind::Number && *v < 0))) {
        const std::string range = type.kind == FieldKind::Score ? " from " + number_words(type.lo) +
                                                                      " to " + number_words(type.hi)
                                                                : ", 0 or more";
        return std::unexpected(quoted(label) + " takes whole numbers" + range + "; " +
                               std::string(t) + " is not");
      }
      return Value{*v};
    }
    case FieldKind::Bool: {
      const std::optional<bool> b = parse_bool(t);
      if (!b) return bad();
      return Value{*b};
    }
    case FieldKind::Date: {
      const std::optional<Date> d = parse_date(t);
      if (!d && date_shaped(t)) {
        return std::unexpected(quoted(label) + " needs a date written YYYY-MM-DD; " +
                               std::string(t) + " does not exist");
      }
      if (!d) return bad();
      return Value{*d};
    }
    case FieldKind::OneOf:
      if (std::find(type.values.begin(), type.values.end(), t) == type.values.end()) return bad();
      return Value{std::string(t)};
    case FieldKind::Person:
    case FieldKind::Unit:
      // Whether such a person or unit exists is the directory's to say (see assign()).
      return Value{std::string(t)};
  }
  return bad();
}

std::optional<bool> parse_vote(std::string_view text) {
  const std::string_view t = trim(text);
  if (t == "approve" || t == "yes" || t == "찬성" || t == "true" || t == "예") return true;
  if (t == "reject" || t == "no" || t == "반대" || t == "false" || t == "아니오") return false;
  return std::nullopt;
}

std::string plain(const Value& v) {
  if (v.is_null()) return "-";
  if (const std::string* s = v.as_text()) return *s;
  if (const Decimal* m = v.as_money()) return money_text(*m);  // 1,000,000원
  if (const ValueList* list = v.as_list()) {
    std::vector<std::string> items;
    for (const Value& item : *list) items.push_back(plain(item));
    return join(items, ", ");
  }
  return to_string(v);  // numbers without trailing zeros, true/false, 2024-01-31, 14d
}

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

std::string slot_name(const Definition& def, Index slot) {
  for (const FieldDef& f : def.fields) {
    if (f.slot == slot) return f.name;
  }
  for (const LetDef& l : def.lets) {
    if (l.slot == slot) return l.name;
  }
  for (const TableDef& t : def.tables) {
    for (const TableOutput& o : t.outputs) {
      if (o.slot == slot) return t.name + "." + o.name;
    }
  }
  return "#" + std::to_string(slot);
}

std::string field_text(const FieldDef& field) {
  return quoted(field.label.empty() ? field.name : field.label);
}

std::string state_text(const Definition& def, Index state) {
  if (state >= def.states.size()) return "(unknown state)";
  const StateDef& s = def.states[state];
  if (s.label.empty() || s.label == s.name) return s.name;
  return s.label + " (" + s.name + ")";
}

std::optional<Refusal> assign(Draft& draft, const std::vector<Assignment>& set,
                              const std::vector<Index>* settable, std::string_view action) {
  const Definition& def = draft.def;
  for (const Assignment& a : set) {
    const Index f = def.field_index(a.field);
    if (f == kNone) {
      std::vector<std::string> names;
      for (const FieldDef& field : def.fields) names.push_back(field.name);
      return Refusal{Refusal::Code::NotSettable,
                     quoted(a.field) +
                         " is not a field of this procedure; its fields are: " + join(names, ", ")};
    }
    if (settable != nullptr &&
        std::find(settable->begin(), settable->end(), f) == settable->end()) {
      std::vector<std::string> names;
      for (const Index i : *settable) names.push_back(def.fields[i].name);
      return Refusal{
          Refusal::Code::NotSettable,
          quoted(action) + " does not set " + field_text(def.fields[f]) + " (" + a.field + ")" +
              (names.empty() ? "; it sets no fields" : "; it sets only " + join(names, ", "))};
    }
  }
  for (const Assignment& a : set) {
    const FieldDef& field = def.fields[def.field_index(a.field)];
    auto value = parse_value(field.type, a.text, field.label.empty() ? field.name : field.label);
    if (!value) return Refusal{Refusal::Code::BadValue, std::move(value.error())};
    if (field.type.kind == FieldKind::Unit && !value->is_null() && draft.org != nullptr) {
      // A unit of the directory, by id or by its name (보건소) when only one unit has it.
      const std::string& typed = *value->as_text();
      const auto [unit, also] = draft.org->lookup(typed);
      if (also != nullptr) {
        return Refusal{Refusal::Code::BadValue,
                       field_text(field) + ": more than one unit is called " + quoted(typed) +
                           " (" + unit->id + ", " + also->id + "); give the unit's id"};
      }
      if (unit == nullptr) {
        return Refusal{
            Refusal::Code::BadValue,
            field_text(field) + " needs a unit of the directory; " + quoted(typed) + " is none"};
      }
      *value = Value{unit->id};
    }
    if (field.slot < draft.after.slots.size()) draft.after.slots[field.slot] = std::move(*value);
  }
  return std::nullopt;
}

std::vector<Index> drafter_fields(const Definition& def) {
  std::vector<bool> later(def.fields.size(), false), early(def.fields.size(), false);
  for (Index s = 0; s < def.states.size(); ++s) {
    for (const ActionDef& a : def.states[s].actions) {
      for (const Index f : a.sets) {
        if (f >= def.fields.size()) continue;
        const bool drafters = s == def.start || a.by.kind == Actor::Kind::Submitter;
        (drafters ? early : later)[f] = true;
      }
    }
    if (const auto& r = def.states[s].ranking; r && r->place_field < def.fields.size())
      later[r->place_field] = true;
  }
  // What the start state needs before the item can leave it is the drafter's to give.
  for (Index f = 0; f < def.fields.size(); ++f) {
    if (def.fields[f].required) early[f] = true;
  }
  if (def.start < def.states.size()) {
    for (const ActionDef& a : def.states[def.start].actions) {
      for (const Index f : a.requires_fields) {
        if (f < def.fields.size()) early[f] = true;
      }
    }
  }
  std::vector<Index> out;
  for (Index f = 0; f < def.fields.size(); ++f) {
    if (early[f] || !later[f]) out.push_back(f);
  }
  return out;
}

std::string not_drafters_text(const Definition& def, Index field,
                              const std::vector<Index>& drafter) {
  std::string by;
  for (Index s = 0; s < def.states.size() && by.empty(); ++s) {
    for (const ActionDef& a : def.states[s].actions) {
      if (std::find(a.sets.begin(), a.sets.end(), field) != a.sets.end()) {
        by = ", by " + quoted(a.name) + " in " + state_text(def, s);
        break;
      }
    }
  }
  std::vector<std::string> names;
  for (const Index f : drafter) names.push_back(def.fields[f].name);
  return field_text(def.fields[field]) + " (" + def.fields[field].name + ") is filled in later" +
         (by.empty() ? std::string(" by the procedure") : by) + "; the drafter fills in only " +
         (names.empty() ? "nothing" : join(names, ", "));
}

}  // namespace dojang::engine::detail
