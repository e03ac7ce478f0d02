#include "rules/expr_semantics.hpp"

#include <charconv>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

namespace dojang::engine::detail {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

[[nodiscard]] std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

[[nodiscard]] Value date_value(std::int64_t s, bool overflow) {
  return overflow ? Value{} : Value{Date{s}};
}

[[nodiscard]] Value duration_value(std::int64_t s, bool overflow) {
  return overflow ? Value{} : Value{Duration{s}};
}

// A money operand of + or -: money itself, or a number taken as money (rounded to 4 places).
[[nodiscard]] std::optional<Decimal> money_operand(const Value& v, Type k) {
  if (k == Type::Money) return *v.as_money();
  if (k == Type::Number) return Decimal::from_double(*v.as_number());
  return std::nullopt;
}

[[nodiscard]] Value money_value(const std::optional<Decimal>& m) {
  return m ? Value{*m} : Value{};
}

// money ± money (or a number), exact; null on overflow.
[[nodiscard]] Value money_add(const Value& a, Type ka, const Value& b, Type kb, bool subtract) {
  const auto x = money_operand(a, ka);
  const auto y = money_operand(b, kb);
  if (!x || !y) return {};
  return money_value(subtract ? x->minus(*y) : x->plus(*y));
}

[[nodiscard]] bool money_and_number(Type ka, Type kb) {
  return (ka == Type::Money && (kb == Type::Money || kb == Type::Number)) ||
         (kb == Type::Money && ka == Type::Number);
}

[[nodiscard]] Value add(const Value& a, const Value& b) {
  std::int64_t r = 0;
  const Type ka = kind_of(a);
  const Type kb = kind_of(b);
  if (ka == Type::Number && kb == Type::Number) {
    const Num n = make_num(*a.as_number() + *b.as_number());
    return n.null ? Value{} : Value{n.v};
  }
  if (money_and_number(ka, kb)) return money_add(a, ka, b, kb, false);
  if (ka == Type::Date && kb == Type::Duration) {
    return date_value(r,
                      __builtin_add_overflow(a.as_date()->seconds, b.as_duration()->seconds, &r));
  }
  if (ka == Type::Duration && kb == Type::Date) {
    return date_value(r,
                      __builtin_add_overflow(a.as_duration()->seconds, b.as_date()->seconds, &r));
  }
  if (ka == Type::Duration && kb == Type::Duration) {
    return duration_value(
        r, __builtin_add_overflow(a.as_duration()->seconds, b.as_duration()->seconds, &r));
  }
  return {};
}

[[nodiscard]] Value sub(const Value& a, const Value& b) {
  std::int64_t r = 0;
  const Type ka = kind_of(a);
  const Type kb = kind_of(b);
  if (ka == Type::Number && kb == Type::Number) {
    const Num n = make_num(*a.as_number() - *b.as_number());
    return n.null ? Value{} : Value{n.v};
  }
  if (money_and_number(ka, kb)) return money_add(a, ka, b, kb, true);
  if (ka == Type::Date && kb == Type::Duration) {
    return date_value(r,
                      __builtin_sub_overflow(a.as_date()->seconds, b.as_duration()->seconds, &r));
  }
  if (ka == Type::Date && kb == Type::Date) {
    return duration_value(r,
                          __builtin_sub_overflow(a.as_date()->seconds, b.as_date()->seconds, &r));
  }
  if (ka == Type::Duration && kb == Type::Duration) {
    return duration_value(
        r, __builtin_sub_overflow(a.as_duration()->seconds, b.as_duration()->seconds, &r));
  }
  return {};
}

[[nodiscard]] Value mul(const Value& a, const Value& b) {
  const Type ka = kind_of(a);
  const Type kb = kind_of(b);
  if (ka == Type::Number && kb == Type::Number) {
    const Num n = make_num(*a.as_number() * *b.as_number());
    return n.null ? Value{} : Value{n.v};
  }
  if (ka == Type::Money && kb == Type::Number)
    return money_value(a.as_money()->times(*b.as_number()));
  if (ka == Type::Number && kb == Type::Money)
    return money_value(b.as_money()->times(*a.as_number()));
  if (ka == Type::Duration && kb == Type::Number) {
    return scale_duration(a.as_duration()->seconds, *b.as_number(), false);
  }
  if (ka == Type::Number && kb == Type::Duration) {
    return scale_duration(b.as_duration()->seconds, *a.as_number(), false);
  }
  return {};
}

}  // namespace

const Value& null_value() {
  static const Value kNull;
  return kNull;
}

Type kind_of(const Value& v) {
  switch (v.storage().index()) {
    case 1:
      return Type::Bool;
    case 2:
      return std::isfinite(*v.as_number()) ? Type::Number : Type::Null;
    case 3:
      return Type::Text;
    case 4:
      return Type::Date;
    case 5:
      return Type::Duration;
    case 6:
      return v.as_list() != nullptr ? Type::List : Type::Null;
    case 7:
      return Type::Money;
    default:
      return Type::Null;
  }
}

bool conforms(const Value& v, Type t) {
  if (v.is_null()) return true;
  const Type k = kind_of(v);
  return k != Type::Null && (t == Type::Null || k == t);
}

Secs secs_of(const Value& v, Type t) {
  if (t == Type::Date) {
    const Date* d = v.as_date();
    return d ? Secs{d->seconds, false} : Secs{};
  }
  if (t == Type::Duration) {
    const Duration* d = v.as_duration();
    return d ? Secs{d->seconds, false} : Secs{};
  }
  return {};
}

bool values_equal(const Value& a, const Value& b) {
  const Type ka = kind_of(a);
  const Type kb = kind_of(b);
  if (ka == Type::Null || kb == Type::Null) return ka == kb;
  if (money_and_number(ka, kb) && ka != kb) return order(a, b) == 0;
  if (ka != kb) return false;
  switch (ka) {
    case Type::Bool:
      return *a.as_bool() == *b.as_bool();
    case Type::Number:
      return *a.as_number() == *b.as_number();
    case Type::Text:
      return *a.as_text() == *b.as_text();
    case Type::Date:
      return *a.as_date() == *b.as_date();
    case Type::Duration:
      return *a.as_duration() == *b.as_duration();
    case Type::Money:
      return *a.as_money() == *b.as_money();
    case Type::List: {
      const ValueList& la = *a.as_list();
      const ValueList& lb = *b.as_list();
      if (la.size() != lb.size()) return false;
      for (std::size_t i = 0; i < la.size(); ++i) {
        if (!values_equal(la[i], lb[i])) return false;
      }
      return true;
    }
    case Type::Null:
      break;
  }
  return false;
}

int order(const Value& a, const Value& b) {
  const Type ka = kind_of(a);
  const Type kb = kind_of(b);
  auto three_way = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  // Money against a number (a literal such as 1000000): the amount as the nearest double, the
  // same double as its decimal text would read as.
  if (ka == Type::Money && kb == Type::Number)
    return three_way(a.as_money()->to_double(), *b.as_number());
  if (ka == Type::Number && kb == Type::Money)
    return three_way(*a.as_number(), b.as_money()->to_double());
  if (ka != kb) return 2;
  switch (ka) {
    case Type::Number:
      return three_way(*a.as_number(), *b.as_number());
    case Type::Text: {
      const int c = a.as_text()->compare(*b.as_text());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case Type::Date:
      return three_way(a.as_date()->seconds, b.as_date()->seconds);
    case Type::Duration:
      return three_way(a.as_duration()->seconds, b.as_duration()->seconds);
    case Type::Money:
      return three_way(*a.as_money(), *b.as_money());
    default:
      return 2;
  }
}

Truth compare(Op op, const Value& a, const Value& b) {
  if (op == Op::Eq) return to_truth(values_equal(a, b));
  if (op == Op::Ne) return to_truth(!values_equal(a, b));
  const int o = order(a, b);
  if (o == 2) return Truth::Null;
  switch (op) {
    case Op::Lt:
      return to_truth(o < 0);
    case Op::Le:
      return to_truth(o <= 0);
    case Op::Gt:
      return to_truth(o > 0);
    case Op::Ge:
      return to_truth(o >= 0);
    default:
      return Truth::Null;
  }
}

Value unary(Op op, const Value& a) {
  const Type k = kind_of(a);
  if (k == Type::Number) {
    const double x = *a.as_number();
    return Value{op == Op::Abs ? std::fabs(x) : -x};
  }
  if (k == Type::Money && (op == Op::Neg || op == Op::Abs)) {
    const Decimal m = *a.as_money();
    return money_value(op == Op::Abs && !m.negative() ? std::optional<Decimal>(m) : m.negated());
  }
  if (k == Type::Duration && (op == Op::Neg || op == Op::Abs)) {
    const std::int64_t s = a.as_duration()->seconds;
    if (s == std::numeric_limits<std::int64_t>::min()) return {};
    return Value{Duration{op == Op::Abs ? std::llabs(s) : -s}};
  }
  return {};
}

Value arith(Op op, const Value& a, const Value& b) {
  switch (op) {
    case Op::Add:
      return add(a, b);
    case Op::Sub:
      return sub(a, b);
    case Op::Mul:
      return mul(a, b);
    default:
      return {};
  }
}

Value divide(const Value& a, const Value& b, bool& by_zero) {
  by_zero = false;
  const Type ka = kind_of(a);
  if (ka == Type::Money && kind_of(b) == Type::Money) {  // a ratio of two amounts: a number
    if (b.as_money()->units() == 0) {
      by_zero = true;
      return {};
    }
    const Num n = make_num(static_cast<double>(a.as_money()->units()) /
                           static_cast<double>(b.as_money()->units()));
    return n.null ? Value{} : Value{n.v};
  }
  if (kind_of(b) != Type::Number ||
      (ka != Type::Number && ka != Type::Duration && ka != Type::Money))
    return {};
  const double d = *b.as_number();
  if (d == 0) {
    by_zero = true;
    return {};
  }
  if (ka == Type::Duration) return scale_duration(a.as_duration()->seconds, d, true);
  if (ka == Type::Money) return money_value(a.as_money()->divided_by(d));
  const Num n = make_num(*a.as_number() / d);
  return n.null ? Value{} : Value{n.v};
}

void note_division_by_zero(const Env& env, std::uint32_t offset, std::uint32_t length,
                           const Value& dividend) {
  if (env.notes == nullptr) return;
  env.notes->push_back(
      EvalNote{offset, length, "division by zero in " + to_string(dividend) + " / 0"});
}

Value scale_duration(std::int64_t seconds, double factor, bool divide) {
  const double s = static_cast<double>(seconds);
  const double r = std::trunc(divide ? s / factor : s * factor);
  // [-2^63, 2^63): the doubles that convert to int64 without overflow. NaN fails both tests.
  if (!(r >= -9223372036854775808.0 && r < 9223372036854775808.0)) return {};
  return Value{Duration{static_cast<std::int64_t>(r)}};
}

Num days_between(Date a, Date b) {
  std::int64_t diff = 0;
  if (__builtin_sub_overflow(b.seconds, a.seconds, &diff)) return {};
  return Num{static_cast<double>(floor_div(diff, kSecondsPerDay)), false};
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++n;
  }
  return n;
}

double round_half_away(double x, int digits) {
  if (!std::isfinite(x) || x == 0) return x == 0 ? 0.0 : x;
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string_view s(buf, static_cast<std::size_t>(res.ptr - buf));
  const bool negative = s.front() == '-';
  if (negative) s.remove_prefix(1);
  const std::size_t e = s.find('e');
  if (e == std::string_view::npos) return x;
  std::string mantissa;  // the significant digits; mantissa[0] is worth 10^exponent
  for (const char c : s.substr(0, e)) {
    if (c != '.') mantissa += c;
  }
  std::string_view exp_text = s.substr(e + 1);
  if (!exp_text.empty() && exp_text.front() == '+') exp_text.remove_prefix(1);
  int exponent = 0;
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
  // Digit i is worth 10^(exponent - i); keep those worth at least 10^-digits.
  const long keep = static_cast<long>(exponent) + digits + 1;
  if (keep >= static_cast<long>(mantissa.size())) return x;
  if (keep < 0) return 0.0;
  const bool up = mantissa[static_cast<std::size_t>(keep)] >= '5';
  std::string kept = mantissa.substr(0, static_cast<std::size_t>(keep));
  if (up) {
    std::size_t i = kept.size();
    while (i > 0 && kept[i - 1] == '9') kept[--i] = '0';
    if (i == 0) {
      kept.insert(kept.begin(), '1');
    } else {
      ++kept[i - 1];
    }
  }
  if (kept.empty()) return 0.0;
  // kept is worth kept × 10^(exponent - keep + 1), whatever carry added a digit in front.
  const std::string text = (negative ? "-" : "") + kept + "e" + std::to_string(exponent - keep + 1);
  double r = 0;
  std::from_chars(text.data(), text.data() + text.size(), r);
  return r == 0 ? 0.0 : r;
}

void fold_extreme(const Value& v, int want, Type& kind, Value& best) {
  const Type k = kind_of(v);
  if (k == Type::Null) return;
  if (kind == Type::Null) kind = k;
  if (kind == Type::Money && k == Type::Number) {  // min(amount, 500000): the number as money
    if (const auto m = Decimal::from_double(*v.as_number()))
      fold_extreme(Value{*m}, want, kind, best);
    return;
  }
  if (k != kind) return;
  if (best.is_null() || order(v, best) == want) best = v;
}

}  // namespace dojang::engine::detail
