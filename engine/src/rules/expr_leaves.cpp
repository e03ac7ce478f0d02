// Leaves: constants, slot and table-input reads, now().

#include <span>
#include <utility>

#include "rules/expression_node.hpp"

namespace dojang::engine::detail {

namespace {

class ConstNode final : public Node {
 public:
  ConstNode(Value v, Type type)
      : Node(type),
        m_value(std::move(v)),
        m_num(type == Type::Number || type == Type::Null ? num_of(m_value) : Num{}),
        m_truth(truth_of(m_value)),
        m_secs(secs_of(m_value, type)) {}

  Value eval(const Env&) const override { return m_value; }
  const Value* ref(const Env&, Value&) const override { return &m_value; }
  Num num(const Env&) const override { return m_num; }
  Truth truth(const Env&) const override { return m_truth; }
  Secs secs(const Env&) const override { return m_secs; }
  const Value* constant() const override { return &m_value; }

 private:
  Value m_value;
  Num m_num;
  Truth m_truth;
  Secs m_secs;
};

// Reads slot (or table input) `index`; a value of another kind than T reads as null.
template <Type T, bool kTableInput>
class SlotNode final : public Node {
 public:
  explicit SlotNode(std::uint32_t index) : Node(T), m_index(index) {}

  Value eval(const Env& env) const override {
    const Value& v = raw(env);
    if constexpr (T == Type::Money) {
      if (v.as_number() != nullptr) return as_money_value(v);  // stored before money was exact
    }
    return conforms(v, T) ? v : Value{};
  }
  const Value* ref(const Env& env, Value& scratch) const override {
    const Value& v = raw(env);
    if constexpr (T == Type::Money) {
      if (v.as_number() != nullptr) {
        scratch = as_money_value(v);
        return &scratch;
      }
    }
    return conforms(v, T) ? &v : &null_value();
  }
  Num num(const Env& env) const override {
    if constexpr (T == Type::Number || T == Type::Null) {
      return num_of(raw(env));
    } else {
      return {};
    }
  }
  Truth truth(const Env& env) const override {
    if constexpr (T == Type::Bool || T == Type::Null) {
      return truth_of(raw(env));
    } else {
      return Truth::Null;
    }
  }
  Secs secs(const Env& env) const override { return secs_of(raw(env), T); }

  [[nodiscard]] std::uint32_t index() const { return m_index; }

 private:
  [[nodiscard]] const Value& raw(const Env& env) const {
    const std::span<const Value> values = kTableInput ? env.table_inputs : env.slots;
    return m_index < values.size() ? values[m_index] : null_value();
  }

  std::uint32_t m_index;
};

template <bool kTableInput>
[[nodiscard]] NodePtr make_slot_of(Type type, std::uint32_t index) {
  switch (type) {
    case Type::Bool:
      return std::make_unique<SlotNode<Type::Bool, kTableInput>>(index);
    case Type::Number:
      return std::make_unique<SlotNode<Type::Number, kTableInput>>(index);
    case Type::Text:
      return std::make_unique<SlotNode<Type::Text, kTableInput>>(index);
    case Type::Date:
      return std::make_unique<SlotNode<Type::Date, kTableInput>>(index);
    case Type::Duration:
      return std::make_unique<SlotNode<Type::Duration, kTableInput>>(index);
    case Type::List:
      return std::make_unique<SlotNode<Type::List, kTableInput>>(index);
    case Type::Money:
      return std::make_unique<SlotNode<Type::Money, kTableInput>>(index);
    case Type::Null:
      break;
  }
  return std::make_unique<SlotNode<Type::Null, kTableInput>>(index);
}

class NowNode final : public Node {
 public:
  NowNode() : Node(Type::Date) {}
  Secs secs(const Env& env) const override { return Secs{env.now.seconds, false}; }
};

}  // namespace

NodePtr make_const(Value v, Type type) {
  if (!conforms(v, type)) v = Value{};
  if (type == Type::Null && !v.is_null()) type = kind_of(v);  // a more precise type
  return std::make_unique<ConstNode>(std::move(v), type);
}

NodePtr make_slot(const Ir& ir) {
  return ir.op == Op::TableInput ? make_slot_of<true>(ir.type, ir.index)
                                 : make_slot_of<false>(ir.type, ir.index);
}

NodePtr make_now() {
  return std::make_unique<NowNode>();
}

std::uint32_t number_slot_of(const Node& node) {
  const auto* slot = dynamic_cast<const SlotNode<Type::Number, false>*>(&node);
  return slot ? slot->index() : kNoSlot;
}

std::uint32_t text_slot_of(const Node& node) {
  const auto* slot = dynamic_cast<const SlotNode<Type::Text, false>*>(&node);
  return slot ? slot->index() : kNoSlot;
}

}  // namespace dojang::engine::detail
