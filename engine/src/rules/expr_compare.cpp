// Comparisons: == != < <= > >=, with fast nodes for numbers, for a number against a constant,
// for a text (slot) against a constant text, and for `x == null`.

#include <string>
#include <utility>
#include <vector>

#include "rules/expr_weighted.hpp"
#include "rules/expression_node.hpp"

namespace dojang::engine::detail {

namespace {

template <Op kOp>
[[nodiscard]] Truth compare_nums(Num a, Num b) {
  if constexpr (kOp == Op::Eq) {
    return (a.null || b.null) ? to_truth(a.null && b.null) : to_truth(a.v == b.v);
  } else if constexpr (kOp == Op::Ne) {
    return (a.null || b.null) ? to_truth(a.null != b.null) : to_truth(a.v != b.v);
  } else {
    if (a.null || b.null) return Truth::Null;
    if constexpr (kOp == Op::Lt) return to_truth(a.v < b.v);
    if constexpr (kOp == Op::Le) return to_truth(a.v <= b.v);
    if constexpr (kOp == Op::Gt) return to_truth(a.v > b.v);
    if constexpr (kOp == Op::Ge) return to_truth(a.v >= b.v);
  }
}

template <Op kOp>
class NumCmp final : public Node {
 public:
  NumCmp(NodePtr a, NodePtr b) : Node(Type::Bool), m_a(std::move(a)), m_b(std::move(b)) {}
  Truth truth(const Env& env) const override {
    const Num a = m_a->num(env);
    return compare_nums<kOp>(a, m_b->num(env));
  }

 private:
  NodePtr m_a, m_b;
};

template <Op kOp>
class NumCmpConst final : public Node {
 public:
  NumCmpConst(NodePtr a, Num c) : Node(Type::Bool), m_a(std::move(a)), m_c(c) {}
  Truth truth(const Env& env) const override { return compare_nums<kOp>(m_a->num(env), m_c); }

 private:
  NodePtr m_a;
  Num m_c;
};

// `weighted sum >= constant` (any comparison) in one node: the common scoring guard.
template <Op kOp>
class WeightedCmpConst final : public Node {
 public:
  WeightedCmpConst(std::vector<Term> terms, Num c)
      : Node(Type::Bool), m_terms(std::move(terms)), m_c(c) {}
  Truth truth(const Env& env) const override {
    return compare_nums<kOp>(weighted_sum(m_terms, env), m_c);
  }

 private:
  std::vector<Term> m_terms;
  Num m_c;
};

// `text == "constant"` (or !=) on any text node.
class TextEqConst final : public Node {
 public:
  TextEqConst(NodePtr a, std::string c, bool negate)
      : Node(Type::Bool), m_a(std::move(a)), m_c(std::move(c)), m_negate(negate) {}
  Truth truth(const Env& env) const override {
    Value scratch;
    const std::string* t = m_a->ref(env, scratch)->as_text();
    return to_truth((t != nullptr && *t == m_c) != m_negate);
  }

 private:
  NodePtr m_a;
  std::string m_c;
  bool m_negate;
};

// `slot == "constant"` (or !=) on a text slot: a value of another kind is null, not equal.
class TextSlotEqConst final : public Node {
 public:
  TextSlotEqConst(std::uint32_t slot, std::string c, bool negate)
      : Node(Type::Bool), m_slot(slot), m_c(std::move(c)), m_negate(negate) {}
  Truth truth(const Env& env) const override {
    const std::string* t = m_slot < env.slots.size() ? env.slots[m_slot].as_text() : nullptr;
    return to_truth((t != nullptr && *t == m_c) != m_negate);
  }

 private:
  std::uint32_t m_slot;
  std::string m_c;
  bool m_negate;
};

// `a == null` (or !=), asking `a` through the accessor of its kind.
class IsNull final : public Node {
 public:
  IsNull(NodePtr a, bool negate) : Node(Type::Bool), m_a(std::move(a)), m_negate(negate) {}
  Truth truth(const Env& env) const override {
    bool null = false;
    switch (m_a->type()) {
      case Type::Number:
        null = m_a->num(env).null;
        break;
      case Type::Bool:
        null = m_a->truth(env) == Truth::Null;
        break;
      case Type::Date:
      case Type::Duration:
        null = m_a->secs(env).null;
        break;
      default: {
        Value scratch;
        null = m_a->ref(env, scratch)->is_null();
      }
    }
    return to_truth(null != m_negate);
  }

 private:
  NodePtr m_a;
  bool m_negate;
};

class DynCompare final : public Node {
 public:
  DynCompare(Op op, NodePtr a, NodePtr b)
      : Node(Type::Bool), m_op(op), m_a(std::move(a)), m_b(std::move(b)) {}
  Truth truth(const Env& env) const override {
    Value sa, sb;
    const Value& a = *m_a->ref(env, sa);
    return compare(m_op, a, *m_b->ref(env, sb));
  }

 private:
  Op m_op;
  NodePtr m_a, m_b;
};

template <template <Op> class N, class... Args>
[[nodiscard]] NodePtr make_for_op(Op op, Args&&... args) {
  switch (op) {
    case Op::Eq:
      return std::make_unique<N<Op::Eq>>(std::forward<Args>(args)...);
    case Op::Ne:
      return std::make_unique<N<Op::Ne>>(std::forward<Args>(args)...);
    case Op::Lt:
      return std::make_unique<N<Op::Lt>>(std::forward<Args>(args)...);
    case Op::Le:
      return std::make_unique<N<Op::Le>>(std::forward<Args>(args)...);
    case Op::Gt:
      return std::make_unique<N<Op::Gt>>(std::forward<Args>(args)...);
    default:
      return std::make_unique<N<Op::Ge>>(std::forward<Args>(args)...);
  }
}

// The operator with its operands swapped: a < b is b > a.
[[nodiscard]] Op mirrored(Op op) {
  switch (op) {
    case Op::Lt:
      return Op::Gt;
    case Op::Le:
      return Op::Ge;
    case Op::Gt:
      return Op::Lt;
    case Op::Ge:
      return Op::Le;
    default:
      return op;
  }
}

[[nodiscard]] NodePtr make_text_eq(NodePtr a, const std::string& c, bool negate) {
  if (const std::uint32_t slot = text_slot_of(*a); slot != kNoSlot) {
    return std::make_unique<TextSlotEqConst>(slot, c, negate);
  }
  return std::make_unique<TextEqConst>(std::move(a), c, negate);
}

}  // namespace

NodePtr make_compare(const Ir& ir, NodeList args) {
  Op op = ir.op;
  NodePtr& a = args[0];
  NodePtr& b = args[1];
  const Value* ca = a->constant();
  const Value* cb = b->constant();
  const bool equality = op == Op::Eq || op == Op::Ne;
  if (equality && cb != nullptr && cb->is_null()) {
    return std::make_unique<IsNull>(std::move(a), op == Op::Ne);
  }
  if (equality && ca != nullptr && ca->is_null()) {
    return std::make_unique<IsNull>(std::move(b), op == Op::Ne);
  }
  if (a->type() == Type::Number && b->type() == Type::Number) {
    if (ca != nullptr && cb == nullptr) {
      std::swap(a, b);
      std::swap(ca, cb);
      op = mirrored(op);
    }
    if (cb != nullptr) {
      if (const auto* sum = dynamic_cast<const WeightedSum*>(a.get())) {
        return make_for_op<WeightedCmpConst>(op, sum->terms(), num_of(*cb));
      }
      return make_for_op<NumCmpConst>(op, std::move(a), num_of(*cb));
    }
    return make_for_op<NumCmp>(op, std::move(a), std::move(b));
  }
  if (equality && a->type() == Type::Text && b->type() == Type::Text) {
    if (cb != nullptr) return make_text_eq(std::move(a), *cb->as_text(), op == Op::Ne);
    if (ca != nullptr) return make_text_eq(std::move(b), *ca->as_text(), op == Op::Ne);
  }
  return std::make_unique<DynCompare>(op, std::move(a), std::move(b));
}

}  // namespace dojang::engine::detail
