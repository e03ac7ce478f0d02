// Arithmetic: - + - * / on numbers (fast nodes), weighted sums of number slots, and the same
// operators on dates and durations (through Values).

#include <optional>
#include <utility>
#include <vector>

#include "rules/expr_weighted.hpp"
#include "rules/expression_node.hpp"

namespace dojang::engine::detail {

namespace {

class NumNeg final : public Node {
 public:
  explicit NumNeg(NodePtr a) : Node(Type::Number), m_a(std::move(a)) {}
  Num num(const Env& env) const override {
    const Num a = m_a->num(env);
    return a.null ? a : Num{-a.v, false};
  }

 private:
  NodePtr m_a;
};

template <Op kOp>
class NumBinary final : public Node {
 public:
  NumBinary(NodePtr a, NodePtr b) : Node(Type::Number), m_a(std::move(a)), m_b(std::move(b)) {}
  Num num(const Env& env) const override {
    const Num a = m_a->num(env);
    const Num b = m_b->num(env);
    if (a.null || b.null) return {};
    if constexpr (kOp == Op::Add) {
      return make_num(a.v + b.v);
    } else if constexpr (kOp == Op::Sub) {
      return make_num(a.v - b.v);
    } else {
      return make_num(a.v * b.v);
    }
  }

 private:
  NodePtr m_a, m_b;
};

class NumDiv final : public Node {
 public:
  NumDiv(NodePtr a, NodePtr b, const Ir& ir)
      : Node(Type::Number),
        m_a(std::move(a)),
        m_b(std::move(b)),
        m_offset(ir.offset),
        m_length(ir.length) {}
  Num num(const Env& env) const override {
    const Num a = m_a->num(env);
    const Num b = m_b->num(env);
    if (a.null || b.null) return {};
    if (b.v == 0) {
      note_division_by_zero(env, m_offset, m_length, Value{a.v});
      return {};
    }
    return make_num(a.v / b.v);
  }

 private:
  NodePtr m_a, m_b;
  std::uint32_t m_offset, m_length;
};

class DynUnary final : public Node {
 public:
  DynUnary(Op op, Type type, NodePtr a) : Node(type), m_op(op), m_a(std::move(a)) {}
  Value eval(const Env& env) const override {
    Value scratch;
    return conformed(unary(m_op, *m_a->ref(env, scratch)), type());
  }

 private:
  Op m_op;
  NodePtr m_a;
};

class DynArith final : public Node {
 public:
  DynArith(Op op, Type type, NodePtr a, NodePtr b)
      : Node(type), m_op(op), m_a(std::move(a)), m_b(std::move(b)) {}
  Value eval(const Env& env) const override {
    Value sa, sb;
    const Value& a = *m_a->ref(env, sa);
    const Value& b = *m_b->ref(env, sb);
    return conformed(arith(m_op, a, b), type());
  }

 private:
  Op m_op;
  NodePtr m_a, m_b;
};

class DynDiv final : public Node {
 public:
  DynDiv(Type type, NodePtr a, NodePtr b, const Ir& ir)
      : Node(type),
        m_a(std::move(a)),
        m_b(std::move(b)),
        m_offset(ir.offset),
        m_length(ir.length) {}
  Value eval(const Env& env) const override {
    Value sa, sb;
    const Value& a = *m_a->ref(env, sa);
    const Value& b = *m_b->ref(env, sb);
    bool by_zero = false;
    Value r = divide(a, b, by_zero);
    if (by_zero) note_division_by_zero(env, m_offset, m_length, a);
    return conformed(std::move(r), type());
  }

 private:
  NodePtr m_a, m_b;
  std::uint32_t m_offset, m_length;
};

[[nodiscard]] std::optional<double> number_constant(const Node& n) {
  const Value* c = n.constant();
  if (c == nullptr) return std::nullopt;
  const Num v = num_of(*c);
  return v.null ? std::nullopt : std::optional<double>(v.v);
}

// A single term: a number slot, a slot times a constant, or a constant.
[[nodiscard]] std::optional<Term> term_of(const Node& n) {
  if (const std::uint32_t slot = number_slot_of(n); slot != kNoSlot) return Term{slot, 1.0};
  if (const auto* sum = dynamic_cast<const WeightedSum*>(&n); sum && sum->terms().size() == 1) {
    return sum->terms().front();
  }
  if (const auto c = number_constant(n)) return Term{kNoSlot, *c};
  return std::nullopt;
}

[[nodiscard]] std::optional<std::vector<Term>> chain_of(const Node& n) {
  if (const auto* sum = dynamic_cast<const WeightedSum*>(&n)) return sum->terms();
  if (const auto t = term_of(n)) return std::vector<Term>{*t};
  return std::nullopt;
}

[[nodiscard]] NodePtr make_weighted(Op op, const Node& a, const Node& b) {
  if (op == Op::Mul) {
    const std::uint32_t sa = number_slot_of(a);
    const std::uint32_t sb = number_slot_of(b);
    if (sa != kNoSlot) {
      if (const auto c = number_constant(b)) {
        return std::make_unique<WeightedSum>(std::vector<Term>{{sa, *c}});
      }
    }
    if (sb != kNoSlot) {
      if (const auto c = number_constant(a)) {
        return std::make_unique<WeightedSum>(std::vector<Term>{{sb, *c}});
      }
    }
    return nullptr;
  }
  auto chain = chain_of(a);
  auto term = term_of(b);
  if (!chain || !term) return nullptr;
  // x - y*w is exactly x + y*(-w), and x - c exactly x + (-c).
  if (op == Op::Sub) term->weight = -term->weight;
  chain->push_back(*term);
  return std::make_unique<WeightedSum>(std::move(*chain));
}

[[nodiscard]] NodePtr make_num_binary(Op op, NodePtr a, NodePtr b, const Ir& ir) {
  if (op != Op::Div) {
    if (NodePtr w = make_weighted(op, *a, *b)) return w;
  }
  switch (op) {
    case Op::Add:
      return std::make_unique<NumBinary<Op::Add>>(std::move(a), std::move(b));
    case Op::Sub:
      return std::make_unique<NumBinary<Op::Sub>>(std::move(a), std::move(b));
    case Op::Mul:
      return std::make_unique<NumBinary<Op::Mul>>(std::move(a), std::move(b));
    default:
      return std::make_unique<NumDiv>(std::move(a), std::move(b), ir);
  }
}

}  // namespace

NodePtr make_arith(const Ir& ir, NodeList args) {
  if (ir.op == Op::Neg) {
    if (args[0]->type() == Type::Number) return std::make_unique<NumNeg>(std::move(args[0]));
    return std::make_unique<DynUnary>(Op::Neg, ir.type, std::move(args[0]));
  }
  if (args[0]->type() == Type::Number && args[1]->type() == Type::Number) {
    return make_num_binary(ir.op, std::move(args[0]), std::move(args[1]), ir);
  }
  if (ir.op == Op::Div) {
    return std::make_unique<DynDiv>(ir.type, std::move(args[0]), std::move(args[1]), ir);
  }
  return std::make_unique<DynArith>(ir.op, ir.type, std::move(args[0]), std::move(args[1]));
}

}  // namespace dojang::engine::detail
