#pragma once
// Runtime values of the rules language: what a field, a derived value or an expression holds.

#include <compare>
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

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

// Null, bool, number (also money and scores), text (also one_of values), date, duration, list.
class Value {
 public:
  using Storage =
      std::variant<std::monostate, bool, double, std::string, Date, Duration, std::shared_ptr<const ValueList>>;

  Value() = default;
  Value(bool b) : m_v(b) {}
  Value(double d) : m_v(d) {}
  Value(int i) : m_v(static_cast<double>(i)) {}
  Value(std::string s) : m_v(std::move(s)) {}
  Value(const char* s) : m_v(std::string(s)) {}
  Value(Date d) : m_v(d) {}
  Value(Duration d) : m_v(d) {}
  Value(ValueList l) : m_v(std::make_shared<const ValueList>(std::move(l))) {}

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
  [[nodiscard]] const Storage& storage() const { return m_v; }

  friend bool operator==(const Value& a, const Value& b);

 private:
  Storage m_v;
};

// Human-readable rendering: null, true, 12.5, "text", 2007-02-28, 14d, [1, 2].
[[nodiscard]] std::string to_string(const Value& v);

}  // namespace dojang::engine
