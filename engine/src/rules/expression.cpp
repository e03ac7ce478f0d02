#include "dojang/engine/expression.hpp"

#include <utility>

#include "rules/expression_node.hpp"

namespace dojang::engine {

// ---- Node: the default accessors, each derived from another -------------------------------

Value Expression::Node::eval(const Env& env) const {
  switch (m_type) {
    case Type::Number: {
      const detail::Num n = num(env);
      return n.null ? Value{} : Value{n.v};
    }
    case Type::Bool: {
      const Truth t = truth(env);
      return t == Truth::Null ? Value{} : Value{t == Truth::True};
    }
    case Type::Date: {
      const detail::Secs s = secs(env);
      return s.null ? Value{} : Value{Date{s.v}};
    }
    case Type::Duration: {
      const detail::Secs s = secs(env);
      return s.null ? Value{} : Value{Duration{s.v}};
    }
    default:
      return detail::materialize(*this, env);
  }
}

const Value* Expression::Node::ref(const Env& env, Value& scratch) const {
  scratch = eval(env);
  return &scratch;
}

detail::Num Expression::Node::num(const Env& env) const {
  Value scratch;
  return detail::num_of(*ref(env, scratch));
}

Truth Expression::Node::truth(const Env& env) const {
  Value scratch;
  return detail::truth_of(*ref(env, scratch));
}

detail::Secs Expression::Node::secs(const Env& env) const {
  Value scratch;
  return detail::secs_of(*ref(env, scratch), m_type);
}

// ---- Expression ---------------------------------------------------------------------------

Expression Expression::compile(const Ir& ir) {
  Expression e;
  e.m_root = detail::compile_node(ir);
  return e;
}

Value Expression::evaluate(const Env& env) const {
  if (!m_root) return {};
  try {
    return m_root->eval(env);
  } catch (...) {  // only allocation failure can get here
    return {};
  }
}

Truth Expression::test(const Env& env) const {
  if (!m_root) return Truth::Null;
  try {
    return m_root->truth(env);
  } catch (...) {
    return Truth::Null;
  }
}

Type Expression::type() const {
  return m_root ? m_root->type() : Type::Null;
}

}  // namespace dojang::engine

namespace dojang::engine::detail {

namespace {

constexpr std::size_t kVariadic = static_cast<std::size_t>(-1);

[[nodiscard]] std::size_t arity(Op op) {
  switch (op) {
    case Op::Const:
    case Op::Slot:
    case Op::TableInput:
    case Op::Now:
    case Op::ReviewSum:
    case Op::ReviewAvg:
    case Op::ReviewMin:
    case Op::ReviewMax:
    case Op::ReviewCount:
    case Op::Approvals:
    case Op::ApproveKofN:
    case Op::ApproveAll:
    case Op::ApproveAny:
      return 0;
    case Op::Neg:
    case Op::Not:
    case Op::Len:
    case Op::Abs:
    case Op::ListSum:
    case Op::ListAvg:
    case Op::ListMin:
    case Op::ListMax:
    case Op::ListCount:
      return 1;
    case Op::If:
      return 3;
    case Op::MakeList:
    case Op::Coalesce:
    case Op::Min:
    case Op::Max:
      return kVariadic;
    default:
      return 2;
  }
}

// Whether the operator reads nothing but its arguments (so constant arguments fold).
[[nodiscard]] bool is_pure(Op op) {
  return arity(op) != 0;
}

[[nodiscard]] NodePtr build(const Ir& ir, NodeList args) {
  switch (ir.op) {
    case Op::Neg:
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
      return make_arith(ir, std::move(args));
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
      return make_compare(ir, std::move(args));
    case Op::Not:
    case Op::And:
    case Op::Or:
    case Op::If:
    case Op::Coalesce:
    case Op::In:
    case Op::MakeList:
      return make_logic(ir, std::move(args));
    default:
      return make_function(ir, std::move(args));
  }
}

[[nodiscard]] NodePtr compile_leaf(const Ir& ir) {
  switch (ir.op) {
    case Op::Const:
      return make_const(ir.constant, ir.type);
    case Op::Slot:
    case Op::TableInput:
      return make_slot(ir);
    case Op::Now:
      return make_now();
    default:
      return make_review(ir);
  }
}

}  // namespace

Value materialize(const Node& node, const Env& env) {
  Value scratch;
  const Value* p = node.ref(env, scratch);
  if (p == &scratch) return scratch;
  return *p;
}

NodePtr compile_node(const Ir& ir) {
  const std::size_t n = arity(ir.op);
  NodePtr node;
  bool all_constant = true;
  if (n == 0) {
    node = compile_leaf(ir);
  } else {
    NodeList args;
    const std::size_t count = n == kVariadic ? ir.args.size() : n;
    args.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      if (i < ir.args.size()) {
        args.push_back(compile_node(ir.args[i]));
      } else if (ir.op == Op::Round && i == 1) {
        args.push_back(make_const(Value{0}, Type::Number));  // round(x): no decimals
      } else {
        args.push_back(make_const(Value{}, Type::Null));  // a malformed Ir: a missing argument
      }
      all_constant = all_constant && args.back()->constant() != nullptr;
    }
    node = build(ir, std::move(args));
  }
  // A node whose kind cannot be the declared one (an ill-typed Ir) can only give null.
  if (ir.type != Type::Null && node->type() != Type::Null && node->type() != ir.type) {
    return make_const(Value{}, ir.type);
  }
  if (is_pure(ir.op) && all_constant) {
    // Fold, unless evaluating records something (a division by zero is noted every time).
    std::vector<EvalNote> notes;
    Env env;
    env.notes = &notes;
    Value v = node->eval(env);
    if (notes.empty()) return make_const(std::move(v), node->type());
  }
  return node;
}

}  // namespace dojang::engine::detail
