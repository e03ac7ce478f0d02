#include "dojang/engine/value.hpp"

#include <charconv>
#include <cstddef>
#include <string>

#include "dojang/base/local_time.hpp"

namespace dojang::engine {

namespace {

using base::kSecondsPerDay;

void append_padded(std::string& out, std::int64_t v, int width) {
  if (v < 0) {
    out += '-';
    v = -v;  // |v| is far below the int64 limit for every field formatted here
  }
  const std::string digits = std::to_string(v);
  for (int i = static_cast<int>(digits.size()); i < width; ++i) out += '0';
  out += digits;
}

void append_number(std::string& out, double d) {
  if (d == 0) d = 0;  // -0 prints as 0
  char buf[32];
  // Plain decimals for the magnitudes people write (1000000, 0.000125), exponents beyond.
  const double magnitude = d < 0 ? -d : d;
  const bool plain = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21);
  const auto res = plain ? std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed)
                         : std::to_chars(buf, buf + sizeof buf, d);
  out.append(buf, res.ptr);
}

void append_date(std::string& out, Date date) {
  const std::int64_t rest = base::second_of_day(date.seconds);
  out += base::format_date(base::civil_from_days(base::day_of_seconds(date.seconds)));
  if (rest == 0) return;
  out += 'T';
  append_padded(out, rest / 3600, 2);
  out += ':';
  append_padded(out, rest / 60 % 60, 2);
  out += ':';
  append_padded(out, rest % 60, 2);
  out += 'Z';
}

void append_duration(std::string& out, Duration d) {
  const std::int64_t s = d.seconds;
  if (s != 0 && s % kSecondsPerDay == 0) {
    out += std::to_string(s / kSecondsPerDay) + "d";
  } else if (s != 0 && s % 3600 == 0) {
    out += std::to_string(s / 3600) + "h";
  } else if (s != 0 && s % 60 == 0) {
    out += std::to_string(s / 60) + "m";
  } else {
    out += std::to_string(s) + "s";
  }
}

void append_value(std::string& out, const Value& v) {
  if (v.is_null()) {
    out += "null";
  } else if (const bool* b = v.as_bool()) {
    out += *b ? "true" : "false";
  } else if (const double* n = v.as_number()) {
    append_number(out, *n);
  } else if (const std::string* t = v.as_text()) {
    out += '"';
    for (const char c : *t) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  } else if (const Date* date = v.as_date()) {
    append_date(out, *date);
  } else if (const Duration* dur = v.as_duration()) {
    append_duration(out, *dur);
  } else if (const Decimal* m = v.as_money()) {
    out += m->to_string();
  } else if (const ValueList* list = v.as_list()) {
    out += '[';
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (i > 0) out += ", ";
      append_value(out, (*list)[i]);
    }
    out += ']';
  } else {
    out += "null";  // a list variant holding no list
  }
}

}  // namespace

bool operator==(const Value& a, const Value& b) {
  if (a.storage().index() != b.storage().index()) return false;
  if (const ValueList* la = a.as_list()) {
    const ValueList* lb = b.as_list();
    if (lb == nullptr) return false;
    if (la == lb) return true;
    if (la->size() != lb->size()) return false;
    for (std::size_t i = 0; i < la->size(); ++i) {
      if (!((*la)[i] == (*lb)[i])) return false;
    }
    return true;
  }
  if (a.storage().index() == 6) return b.as_list() == nullptr;  // both hold an empty pointer
  return a.storage() == b.storage();
}

Value as_money_value(const Value& v) {
  const double* d = v.as_number();
  if (d == nullptr) return v;
  const auto m = Decimal::from_double(*d);
  return m ? Value{*m} : Value{};
}

std::string money_text(const Decimal& m) {
  return m.grouped() + "원";
}

std::string to_string(const Value& v) {
  std::string out;
  append_value(out, v);
  return out;
}

}  // namespace dojang::engine
