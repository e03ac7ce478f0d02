#pragma once
// Runtime values of the rules language: what a field, a derived value or an expression holds.

#include <compare>
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "dojang/base/decimal.hpp"

namespace dojang::engine {

// A point in time, in seconds since 1970-01-01T00:00:00Z. Date literals are midnight UTC.
struct Date {
  std::int64_t seconds = 0;
  auto operator<=>(const Date&) const = default;
};

// A length of time in seconds (`14d`, `3h`).
struct Duration {
  std::int64_t seconds = 0;
  auto operator<=>(const Duration&) const = default;
};

class Value;
using ValueList = std::vector<Value>;

// An exact amount of money (four decimal places).
using Decimal = base::Decimal;

// Null, bool, number (also scores), text (also one_of values), date, duration, list, money.
// New alternatives go at the end: code and stored data rely on the indices of the others.
class Value {
 public:
  using Storage = std::variant<std::monostate, bool, double, std::string, Date, Duration,
                               std::shared_ptr<const ValueList>, Decimal>;

  Value() = default;
  Value(bool b) : m_v(b) {}
  Value(double d) : m_v(d) {}
  Value(int i) : m_v(static_cast<double>(i)) {}
  Value(std::string s) : m_v(std::move(s)) {}
  Value(const char* s) : m_v(std::string(s)) {}
  Value(Date d) : m_v(d) {}
  Value(Duration d) : m_v(d) {}
  Value(ValueList l) : m_v(std::make_shared<const ValueList>(std::move(l))) {}
  Value(Decimal m) : m_v(m) {}

  [[nodiscard]] bool is_null() const { return std::holds_alternative<std::monostate>(m_v); }
  [[nodiscard]] const bool* as_bool() const { return std::get_if<bool>(&m_v); }
  [[nodiscard]] const double* as_number() const { return std::get_if<double>(&m_v); }
  [[nodiscard]] const std::string* as_text() const { return std::get_if<std::string>(&m_v); }
  [[nodiscard]] const Date* as_date() const { return std::get_if<Date>(&m_v); }
  [[nodiscard]] const Duration* as_duration() const { return std::get_if<Duration>(&m_v); }
  [[nodiscard]] const ValueList* as_list() const {
    auto* p = std::get_if<std::shared_ptr<const ValueList>>(&m_v);
    return p ? p->get() : nullptr;
  }
  [[nodiscard]] const Decimal* as_money() const { return std::get_if<Decimal>(&m_v); }
  [[nodiscard]] const Storage& storage() const { return m_v; }

  friend bool operator==(const Value& a, const Value& b);

 private:
  Storage m_v;
};

// Human-readable rendering: null, true, 12.5, "text", 2007-02-28, 14d, [1, 2]; money in its
// canonical text (1000000.5), as numbers are.
[[nodiscard]] std::string to_string(const Value& v);

// `v` as money when it is a number (a money field of a store written before money was exact:
// rounded half away from zero to 4 places), else `v` itself.
[[nodiscard]] Value as_money_value(const Value& v);

// An amount for people: grouped, in won — 1,000,000원, 12.5원, -3원.
[[nodiscard]] std::string money_text(const Decimal& m);

}  // namespace dojang::engine
