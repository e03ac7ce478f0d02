#pragma once
// The compiled form of an expression: an immutable tree of typed nodes.
//
// Every node has a type (its Ir type, or a more precise one) and its results always conform
// to it: null or a value of that kind (Type::Null: any kind). Parents ask a child for the
// accessor of the child's kind — num() for numbers, truth() for bools, secs() for dates and
// durations, ref() for texts and lists — so that the common guard path builds no Value and
// touches no reference count. The default accessors derive from one another; each node
// overrides at least the accessor of its own kind (or eval/ref).

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "dojang/engine/expression.hpp"
#include "rules/expr_semantics.hpp"

namespace dojang::engine {

struct Expression::Node {
  explicit Node(Type type) : m_type(type) {}
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  [[nodiscard]] Type type() const { return m_type; }

  [[nodiscard]] virtual Value eval(const Env& env) const;
  // The value without copying when possible: a pointer into the slots or a constant, or to
  // `scratch` after storing the value there.
  [[nodiscard]] virtual const Value* ref(const Env& env, Value& scratch) const;
  // The number (null unless the node's type is Number or Null and the value is a number).
  [[nodiscard]] virtual detail::Num num(const Env& env) const;
  // The truth (Null unless the value is a bool).
  [[nodiscard]] virtual Truth truth(const Env& env) const;
  // The seconds of a Date- or Duration-typed node (null for other types).
  [[nodiscard]] virtual detail::Secs secs(const Env& env) const;
  // The value of a constant node; nullptr for any other node.
  [[nodiscard]] virtual const Value* constant() const { return nullptr; }

 private:
  Type m_type;
};

}  // namespace dojang::engine

namespace dojang::engine::detail {

using Node = Expression::Node;
using NodePtr = std::unique_ptr<const Node>;
using NodeList = std::vector<NodePtr>;

// Compiles one Ir (recursively), folding constant subtrees.
[[nodiscard]] NodePtr compile_node(const Ir& ir);

// The value of `node`, copied out only when it is not already a fresh value.
[[nodiscard]] Value materialize(const Node& node, const Env& env);

// `v` when it conforms to `type`, else null.
[[nodiscard]] inline Value conformed(Value v, Type type) {
  return conforms(v, type) ? std::move(v) : Value{};
}

// Factories, one per family of operators. `args` has the operator's arity.
[[nodiscard]] NodePtr make_const(Value v, Type type);
[[nodiscard]] NodePtr make_slot(const Ir& ir);  // Slot, TableInput
[[nodiscard]] NodePtr make_now();
[[nodiscard]] NodePtr make_arith(const Ir& ir, NodeList args);    // Neg Add Sub Mul Div
[[nodiscard]] NodePtr make_compare(const Ir& ir, NodeList args);  // Eq Ne Lt Le Gt Ge
[[nodiscard]] NodePtr make_logic(const Ir& ir,
                                 NodeList args);  // Not And Or If Coalesce In MakeList
[[nodiscard]] NodePtr make_function(const Ir& ir, NodeList args);  // DaysBetween .. ListCount
[[nodiscard]] NodePtr make_review(const Ir& ir);                   // Review*, Approv*

// The slot a Number-typed slot node reads, or kNoSlot.
inline constexpr std::uint32_t kNoSlot = 0xFFFFFFFFu;
[[nodiscard]] std::uint32_t number_slot_of(const Node& node);
// The slot a Text-typed slot node reads, or kNoSlot.
[[nodiscard]] std::uint32_t text_slot_of(const Node& node);

}  // namespace dojang::engine::detail
