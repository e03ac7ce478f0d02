// A plain reference interpreter of the rules language over Ir (declared in ir_builders.hpp): a
// second implementation of the documented semantics, on Values only, with none of the compiled
// evaluator's shortcuts. expr_ops_test.cpp and expr_random_test.cpp compare the two.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "dojang/engine/expression.hpp"
#include "engine/ir_builders.hpp"

namespace dojang::engine::test_ir {

namespace {

__extension__ typedef __int128 Wide;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Type kind(const Value& v) {
  if (v.as_bool()) return Type::Bool;
  if (const double* d = v.as_number()) return std::isfinite(*d) ? Type::Number : Type::Null;
  if (v.as_text()) return Type::Text;
  if (v.as_date()) return Type::Date;
  if (v.as_duration()) return Type::Duration;
  if (v.as_list()) return Type::List;
  return Type::Null;
}

Value conform(const Value& v, Type t) {
  const Type k = kind(v);
  if (k == Type::Null) return {};
  return (t == Type::Null || k == t) ? v : Value{};
}

Value number(double x) {
  return std::isfinite(x) ? Value{x} : Value{};
}

bool fits(Wide w) {
  return w >= kMin && w <= kMax;
}
Value date_of(Wide w) {
  return fits(w) ? Value{Date{static_cast<std::int64_t>(w)}} : Value{};
}
Value duration_of(Wide w) {
  return fits(w) ? Value{Duration{static_cast<std::int64_t>(w)}} : Value{};
}

Value scaled(std::int64_t s, double f, bool divide) {
  const double r = std::trunc(divide ? static_cast<double>(s) / f : static_cast<double>(s) * f);
  if (!(r >= -9223372036854775808.0 && r < 9223372036854775808.0)) return {};
  return Value{Duration{static_cast<std::int64_t>(r)}};
}

// Truth of a value: 1 true, 0 false, -1 null (or not a bool).
int truth(const Value& v) {
  return v.as_bool() ? (*v.as_bool() ? 1 : 0) : -1;
}
Value from_truth(int t) {
  return t < 0 ? Value{} : Value{t == 1};
}

bool eq(const Value& a, const Value& b) {
  const Type ka = kind(a);
  const Type kb = kind(b);
  if (ka == Type::Null || kb == Type::Null) return ka == kb;
  if (ka != kb) return false;
  if (ka == Type::List) {
    const ValueList& x = *a.as_list();
    const ValueList& y = *b.as_list();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!eq(x[i], y[i])) return false;
    }
    return true;
  }
  return a == b;  // same kind, finite numbers: structural equality is the language's
}

// -1, 0, 1, or 2 when the values have no order.
int cmp(const Value& a, const Value& b) {
  const Type k = kind(a);
  if (k != kind(b)) return 2;
  auto three = [](auto x, auto y) { return x < y ? -1 : (x > y ? 1 : 0); };
  switch (k) {
    case Type::Number:
      return three(*a.as_number(), *b.as_number());
    case Type::Text:
      return three(*a.as_text(), *b.as_text());
    case Type::Date:
      return three(a.as_date()->seconds, b.as_date()->seconds);
    case Type::Duration:
      return three(a.as_duration()->seconds, b.as_duration()->seconds);
    default:
      return 2;
  }
}

// Round half away from zero on the fixed-notation shortest decimal of x.
double ref_round(double x, int digits) {
  if (x == 0) return 0;
  char buf[512];
  const auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed);
  std::string s(buf, r.ptr);
  const bool negative = s[0] == '-';
  if (negative) s.erase(0, 1);
  const std::size_t dot = s.find('.');
  if (dot == std::string::npos) return x;
  const std::string frac = s.substr(dot + 1);
  const auto d = static_cast<std::size_t>(digits);
  if (frac.size() <= d) return x;
  std::string kept = s.substr(0, dot) + frac.substr(0, d);
  if (frac[d] >= '5') {
    int i = static_cast<int>(kept.size()) - 1;
    while (i >= 0 && kept[static_cast<std::size_t>(i)] == '9')
      kept[static_cast<std::size_t>(i--)] = '0';
    if (i < 0) {
      kept.insert(kept.begin(), '1');
    } else {
      ++kept[static_cast<std::size_t>(i)];
    }
  }
  const std::string text =
      kept.substr(0, kept.size() - d) + (d > 0 ? "." + kept.substr(kept.size() - d) : "");
  double v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  if (negative) v = -v;
  return v == 0 ? 0.0 : v;
}

struct Reference {
  const Env& env;
  std::vector<std::string>& notes;

  Value eval(const Ir& ir) { return conform(raw(ir), ir.type); }
  Value arg(const Ir& ir, std::size_t i) { return i < ir.args.size() ? eval(ir.args[i]) : Value{}; }

  Value extreme(const std::vector<Value>& values, Type target, int want) {
    Value best;
    for (const Value& v : values) {
      const Type k = kind(v);
      if (k == Type::Null) continue;
      if (target == Type::Null) target = k;
      if (k != target) continue;
      if (best.is_null() || cmp(v, best) == want) best = v;
    }
    return best;
  }

  Value arith(Op op, const Value& a, const Value& b) {
    const Type ka = kind(a);
    const Type kb = kind(b);
    auto n = [](const Value& v) { return *v.as_number(); };
    auto s = [](const Value& v) -> Wide {
      return v.as_date() ? v.as_date()->seconds : v.as_duration()->seconds;
    };
    if (ka == Type::Number && kb == Type::Number) {
      if (op == Op::Add) return number(n(a) + n(b));
      if (op == Op::Sub) return number(n(a) - n(b));
      if (op == Op::Mul) return number(n(a) * n(b));
    }
    if (op == Op::Add) {
      if ((ka == Type::Date && kb == Type::Duration) ||
          (ka == Type::Duration && kb == Type::Date)) {
        return date_of(s(a) + s(b));
      }
      if (ka == Type::Duration && kb == Type::Duration) return duration_of(s(a) + s(b));
    }
    if (op == Op::Sub) {
      if (ka == Type::Date && kb == Type::Duration) return date_of(s(a) - s(b));
      if (ka == Type::Date && kb == Type::Date) return duration_of(s(a) - s(b));
      if (ka == Type::Duration && kb == Type::Duration) return duration_of(s(a) - s(b));
    }
    if (op == Op::Mul) {
      if (ka == Type::Duration && kb == Type::Number)
        return scaled(a.as_duration()->seconds, n(b), false);
      if (ka == Type::Number && kb == Type::Duration)
        return scaled(b.as_duration()->seconds, n(a), false);
    }
    return {};
  }

  Value raw(const Ir& ir) {
    switch (ir.op) {
      case Op::Const:
        return ir.constant;
      case Op::Slot:
        return ir.index < env.slots.size() ? env.slots[ir.index] : Value{};
      case Op::TableInput:
        return ir.index < env.table_inputs.size() ? env.table_inputs[ir.index] : Value{};
      case Op::Neg:
      case Op::Abs: {
        const Value a = arg(ir, 0);
        if (kind(a) == Type::Number) {
          return Value{ir.op == Op::Neg ? -*a.as_number() : std::fabs(*a.as_number())};
        }
        if (kind(a) == Type::Duration) {
          const std::int64_t s = a.as_duration()->seconds;
          if (s == kMin) return {};
          return Value{Duration{ir.op == Op::Neg || s < 0 ? -s : s}};
        }
        return {};
      }
      case Op::Not: {
        const int t = truth(arg(ir, 0));
        return from_truth(t < 0 ? -1 : 1 - t);
      }
      case Op::Add:
      case Op::Sub:
      case Op::Mul: {
        const Value a = arg(ir, 0);
        return arith(ir.op, a, arg(ir, 1));
      }
      case Op::Div: {
        const Value a = arg(ir, 0);
        const Value b = arg(ir, 1);
        if (kind(b) != Type::Number || (kind(a) != Type::Number && kind(a) != Type::Duration))
          return {};
        if (*b.as_number() == 0) {
          notes.push_back("division by zero in " + to_string(a) + " / 0");
          return {};
        }
        if (kind(a) == Type::Duration)
          return scaled(a.as_duration()->seconds, *b.as_number(), true);
        return number(*a.as_number() / *b.as_number());
      }
      case Op::Eq:
      case Op::Ne: {
        const Value a = arg(ir, 0);
        return Value{eq(a, arg(ir, 1)) == (ir.op == Op::Eq)};
      }
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge: {
        const Value a = arg(ir, 0);
        const int c = cmp(a, arg(ir, 1));
        if (c == 2) return {};
        if (ir.op == Op::Lt) return Value{c < 0};
        if (ir.op == Op::Le) return Value{c <= 0};
        if (ir.op == Op::Gt) return Value{c > 0};
        return Value{c >= 0};
      }
      case Op::And: {
        const int a = truth(arg(ir, 0));
        if (a == 0) return Value{false};
        const int b = truth(arg(ir, 1));
        if (b == 0) return Value{false};
        return from_truth(a == 1 && b == 1 ? 1 : -1);
      }
      case Op::Or: {
        const int a = truth(arg(ir, 0));
        if (a == 1) return Value{true};
        const int b = truth(arg(ir, 1));
        if (b == 1) return Value{true};
        return from_truth(a == 0 && b == 0 ? 0 : -1);
      }
      case Op::In:
      case Op::Contains: {
        const Value a = arg(ir, 0);
        const Value b = arg(ir, 1);
        const Value& item = ir.op == Op::In ? a : b;
        const Value& container = ir.op == Op::In ? b : a;
        if (ir.op == Op::Contains && container.as_text()) {
          if (!item.as_text()) return {};
          return Value{container.as_text()->find(*item.as_text()) != std::string::npos};
        }
        if (!container.as_list() || kind(item) == Type::Null) return {};
        const ValueList& l = *container.as_list();
        return Value{std::any_of(l.begin(), l.end(), [&](const Value& e) { return eq(item, e); })};
      }
      case Op::If:
        return truth(arg(ir, 0)) == 1 ? arg(ir, 1) : arg(ir, 2);
      case Op::MakeList: {
        ValueList l;
        for (std::size_t i = 0; i < ir.args.size(); ++i) l.push_back(arg(ir, i));
        return Value{l};
      }
      case Op::Now:
        return Value{env.now};
      case Op::DaysBetween: {
        const Value a = arg(ir, 0);
        const Value b = arg(ir, 1);
        if (!a.as_date() || !b.as_date()) return {};
        const Wide diff = static_cast<Wide>(b.as_date()->seconds) - a.as_date()->seconds;
        if (!fits(diff)) return {};
        Wide q = diff / kDay;
        if (diff % kDay < 0) --q;
        return Value{static_cast<double>(q)};
      }
      case Op::Len: {
        const Value a = arg(ir, 0);
        if (const std::string* t = a.as_text()) {
          return Value{static_cast<double>(std::count_if(t->begin(), t->end(), [](char c) {
            return (static_cast<unsigned char>(c) >> 6) != 2;
          }))};
        }
        if (a.as_list()) return Value{static_cast<double>(a.as_list()->size())};
        return {};
      }
      case Op::Coalesce:
        for (std::size_t i = 0; i < ir.args.size(); ++i) {
          Value v = arg(ir, i);
          if (!v.is_null()) return v;
        }
        return {};
      case Op::Round: {
        const Value x = arg(ir, 0);
        const Value d = ir.args.size() > 1 ? arg(ir, 1) : Value{0};
        if (kind(x) != Type::Number || kind(d) != Type::Number) return {};
        const double digits = std::min(9.0, std::max(0.0, std::trunc(*d.as_number())));
        return number(ref_round(*x.as_number(), static_cast<int>(digits)));
      }
      case Op::Min:
      case Op::Max: {
        std::vector<Value> values;
        for (std::size_t i = 0; i < ir.args.size(); ++i) values.push_back(arg(ir, i));
        return extreme(values, ir.type, ir.op == Op::Max ? 1 : -1);
      }
      case Op::ListSum:
      case Op::ListAvg:
      case Op::ListCount:
      case Op::ListMin:
      case Op::ListMax: {
        const Value l = arg(ir, 0);
        if (!l.as_list()) return {};
        if (ir.op == Op::ListMin || ir.op == Op::ListMax) {
          return extreme(*l.as_list(), ir.type, ir.op == Op::ListMax ? 1 : -1);
        }
        double sum = 0;
        int numbers = 0;
        int present = 0;
        for (const Value& e : *l.as_list()) {
          present += kind(e) != Type::Null ? 1 : 0;
          if (kind(e) == Type::Number) {
            sum += *e.as_number();
            ++numbers;
          }
        }
        if (ir.op == Op::ListCount) return Value{present};
        if (ir.op == Op::ListSum) return number(sum);
        return numbers == 0 ? Value{} : number(sum / numbers);
      }
      default:
        return reviews(ir);
    }
  }

  Value reviews(const Ir& ir) {
    std::vector<Value> scores;
    int count = 0;
    int approvals = 0;
    for (const ReviewRecord& r : env.reviews) {
      if (r.block != ir.block) continue;
      ++count;
      approvals += truth(r.vote) == 1 ? 1 : 0;
      if (ir.index < r.scores.size() && kind(r.scores[ir.index]) == Type::Number) {
        scores.push_back(r.scores[ir.index]);
      }
    }
    double sum = 0;
    for (const Value& s : scores) sum += *s.as_number();
    switch (ir.op) {
      case Op::ReviewSum:
        return number(sum);
      case Op::ReviewAvg:
        return scores.empty() ? Value{} : number(sum / static_cast<double>(scores.size()));
      case Op::ReviewMin:
        return extreme(scores, Type::Number, -1);
      case Op::ReviewMax:
        return extreme(scores, Type::Number, 1);
      case Op::ReviewCount:
        return Value{count};
      case Op::Approvals:
        return Value{approvals};
      case Op::ApproveKofN:
        return Value{count >= ir.n && approvals >= ir.k};
      case Op::ApproveAll:
        return Value{count >= std::max(ir.n, 1) && approvals == count};
      case Op::ApproveAny:
        return Value{approvals >= 1};
      default:
        return {};
    }
  }
};

}  // namespace

Value reference_eval(const Ir& ir, const Env& env, std::vector<std::string>& notes) {
  Reference r{env, notes};
  return r.eval(ir);
}

}  // namespace dojang::engine::test_ir
