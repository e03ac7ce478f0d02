// Functions: days_between, len, contains, round, abs, min, max, and the list aggregates.

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "rules/expression_node.hpp"

namespace dojang::engine::detail {

namespace {

class DaysBetweenNode final : public Node {
 public:
  DaysBetweenNode(NodePtr a, NodePtr b)
      : Node(Type::Number), m_a(std::move(a)), m_b(std::move(b)) {}
  Num num(const Env& env) const override {
    Value sa, sb;
    const Date* a = m_a->ref(env, sa)->as_date();
    const Date* b = m_b->ref(env, sb)->as_date();
    if (a == nullptr || b == nullptr) return {};
    return days_between(*a, *b);
  }

 private:
  NodePtr m_a, m_b;
};

// len(text) in code points, len(list) in elements.
class LenNode final : public Node {
 public:
  explicit LenNode(NodePtr a) : Node(Type::Number), m_a(std::move(a)) {}
  Num num(const Env& env) const override {
    Value scratch;
    const Value* v = m_a->ref(env, scratch);
    if (const std::string* t = v->as_text()) {
      return Num{static_cast<double>(code_points(*t)), false};
    }
    if (const ValueList* l = v->as_list()) return Num{static_cast<double>(l->size()), false};
    return {};
  }

 private:
  NodePtr m_a;
};

// contains(text, part) as a substring; contains(list, x) as `x in list`.
class ContainsNode final : public Node {
 public:
  ContainsNode(NodePtr a, NodePtr b) : Node(Type::Bool), m_a(std::move(a)), m_b(std::move(b)) {}
  Truth truth(const Env& env) const override {
    Value sa, sb;
    const Value& a = *m_a->ref(env, sa);
    const Value& b = *m_b->ref(env, sb);
    if (const std::string* text = a.as_text()) {
      const std::string* part = b.as_text();
      if (part == nullptr) return Truth::Null;
      return to_truth(text->find(*part) != std::string::npos);
    }
    const ValueList* list = a.as_list();
    if (list == nullptr || kind_of(b) == Type::Null) return Truth::Null;
    for (const Value& e : *list) {
      if (values_equal(b, e)) return Truth::True;
    }
    return Truth::False;
  }

 private:
  NodePtr m_a, m_b;
};

// round(x, digits): digits is truncated to an integer and clamped to 0..9.
class RoundNode final : public Node {
 public:
  RoundNode(NodePtr x, NodePtr digits)
      : Node(Type::Number), m_x(std::move(x)), m_digits(std::move(digits)) {}
  Num num(const Env& env) const override {
    const Num x = m_x->num(env);
    const Num d = m_digits->num(env);
    if (x.null || d.null) return {};
    const int digits = static_cast<int>(std::clamp(std::trunc(d.v), 0.0, 9.0));
    return make_num(round_half_away(x.v, digits));
  }

 private:
  NodePtr m_x, m_digits;
};

// round(amount, digits) of money: digits clamped to 0..4, half away from zero.
class MoneyRound final : public Node {
 public:
  MoneyRound(NodePtr x, NodePtr digits)
      : Node(Type::Money), m_x(std::move(x)), m_digits(std::move(digits)) {}
  Value eval(const Env& env) const override {
    Value scratch;
    const Decimal* x = m_x->ref(env, scratch)->as_money();
    const Num d = m_digits->num(env);
    if (x == nullptr || d.null) return {};
    const int digits = static_cast<int>(std::clamp(std::trunc(d.v), 0.0, 4.0));
    const auto r = x->rounded(digits);
    return r ? Value{*r} : Value{};
  }

 private:
  NodePtr m_x, m_digits;
};

class NumAbs final : public Node {
 public:
  explicit NumAbs(NodePtr a) : Node(Type::Number), m_a(std::move(a)) {}
  Num num(const Env& env) const override {
    const Num a = m_a->num(env);
    return a.null ? a : Num{std::fabs(a.v), false};
  }

 private:
  NodePtr m_a;
};

class DynAbs final : public Node {
 public:
  DynAbs(Type type, NodePtr a) : Node(type), m_a(std::move(a)) {}
  Value eval(const Env& env) const override {
    Value scratch;
    return conformed(unary(Op::Abs, *m_a->ref(env, scratch)), type());
  }

 private:
  NodePtr m_a;
};

// min(a, b, ...) / max(a, b, ...) over numbers: nulls are ignored; all null gives null.
template <bool kMax>
class NumExtreme final : public Node {
 public:
  explicit NumExtreme(NodeList args) : Node(Type::Number), m_args(std::move(args)) {}
  Num num(const Env& env) const override {
    Num best;
    for (const NodePtr& arg : m_args) {
      const Num n = arg->num(env);
      if (n.null) continue;
      if (best.null || (kMax ? n.v > best.v : n.v < best.v)) best = n;
    }
    return best;
  }

 private:
  NodeList m_args;
};

// min/max over values of any orderable kind.
class DynExtreme final : public Node {
 public:
  DynExtreme(Type type, int want, NodeList args)
      : Node(type), m_want(want), m_args(std::move(args)) {}
  Value eval(const Env& env) const override {
    Type kind = type();
    Value best;
    for (const NodePtr& arg : m_args) {
      Value scratch;
      fold_extreme(*arg->ref(env, scratch), m_want, kind, best);
    }
    return conformed(std::move(best), type());
  }

 private:
  int m_want;
  NodeList m_args;
};

// sum/avg/min/max/count over the elements of a list; null elements are ignored; a null list
// gives null.
class ListAggregate final : public Node {
 public:
  ListAggregate(Op op, Type type, NodePtr list) : Node(type), m_op(op), m_list(std::move(list)) {}

  Value eval(const Env& env) const override {
    Value scratch;
    const ValueList* list = m_list->ref(env, scratch)->as_list();
    if (list == nullptr) return {};
    if (m_op == Op::ListMin || m_op == Op::ListMax) {
      Type kind = type();
      Value best;
      for (const Value& e : *list) fold_extreme(e, m_op == Op::ListMax ? 1 : -1, kind, best);
      return conformed(std::move(best), type());
    }
    if (type() == Type::Money && m_op != Op::ListCount) return money_sum(*list);
    double sum = 0;
    std::size_t count = 0;
    for (const Value& e : *list) {
      if (m_op == Op::ListCount) {
        count += kind_of(e) != Type::Null ? 1 : 0;
        continue;
      }
      // Money in a list of numbers counts as its amount.
      const Num n = e.as_money() != nullptr ? make_num(e.as_money()->to_double()) : num_of(e);
      if (n.null) continue;
      sum += n.v;
      ++count;
    }
    Num r;
    if (m_op == Op::ListCount) {
      r = Num{static_cast<double>(count), false};
    } else if (m_op == Op::ListSum) {
      r = make_num(sum);
    } else if (count > 0) {
      r = make_num(sum / static_cast<double>(count));
    }
    return conformed(r.null ? Value{} : Value{r.v}, type());
  }

 private:
  // sum (exact) or avg (rounded to 4 places) of the amounts in a list; null on overflow.
  [[nodiscard]] Value money_sum(const ValueList& list) const {
    Decimal sum;
    std::int64_t count = 0;
    for (const Value& e : list) {
      const Decimal* m = e.as_money();
      if (m == nullptr) continue;
      const auto s = sum.plus(*m);
      if (!s) return {};
      sum = *s;
      ++count;
    }
    if (m_op == Op::ListSum) return Value{sum};
    if (count == 0) return {};
    const auto avg = sum.divided_by(static_cast<double>(count));
    return avg ? Value{*avg} : Value{};
  }

  Op m_op;
  NodePtr m_list;
};

}  // namespace

NodePtr make_function(const Ir& ir, NodeList args) {
  switch (ir.op) {
    case Op::DaysBetween:
      return std::make_unique<DaysBetweenNode>(std::move(args[0]), std::move(args[1]));
    case Op::Len:
      return std::make_unique<LenNode>(std::move(args[0]));
    case Op::Contains:
      return std::make_unique<ContainsNode>(std::move(args[0]), std::move(args[1]));
    case Op::Round:
      if (args[0]->type() == Type::Money)
        return std::make_unique<MoneyRound>(std::move(args[0]), std::move(args[1]));
      return std::make_unique<RoundNode>(std::move(args[0]), std::move(args[1]));
    case Op::Abs:
      if (args[0]->type() == Type::Number) return std::make_unique<NumAbs>(std::move(args[0]));
      return std::make_unique<DynAbs>(ir.type, std::move(args[0]));
    case Op::Min:
    case Op::Max: {
      const bool all_numbers = std::all_of(
          args.begin(), args.end(), [](const NodePtr& a) { return a->type() == Type::Number; });
      if (ir.type == Type::Number && all_numbers) {
        if (ir.op == Op::Max) return std::make_unique<NumExtreme<true>>(std::move(args));
        return std::make_unique<NumExtreme<false>>(std::move(args));
      }
      return std::make_unique<DynExtreme>(ir.type, ir.op == Op::Max ? 1 : -1, std::move(args));
    }
    case Op::ListSum:
    case Op::ListAvg:
      return std::make_unique<ListAggregate>(
          ir.op, ir.type == Type::Money ? Type::Money : Type::Number, std::move(args[0]));
    case Op::ListCount:
      return std::make_unique<ListAggregate>(ir.op, Type::Number, std::move(args[0]));
    case Op::ListMin:
    case Op::ListMax:
      return std::make_unique<ListAggregate>(ir.op, ir.type, std::move(args[0]));
    default:
      // Not a function: only reached by an Ir whose op is out of range.
      return make_const(Value{}, ir.type);
  }
}

}  // namespace dojang::engine::detail
