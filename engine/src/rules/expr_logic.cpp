// Logic and choice: not, and, or (Kleene), if, coalesce, in, [list].

#include <utility>

#include "rules/expression_node.hpp"

namespace dojang::engine::detail {

namespace {

class NotNode final : public Node {
 public:
  explicit NotNode(NodePtr a) : Node(Type::Bool), m_a(std::move(a)) {}
  Truth truth(const Env& env) const override { return kleene_not(m_a->truth(env)); }

 private:
  NodePtr m_a;
};

// false and x = false (x is not evaluated); true and true = true; otherwise null.
class AndNode final : public Node {
 public:
  AndNode(NodePtr a, NodePtr b) : Node(Type::Bool), m_a(std::move(a)), m_b(std::move(b)) {}
  Truth truth(const Env& env) const override {
    const Truth a = m_a->truth(env);
    if (a == Truth::False) return Truth::False;
    const Truth b = m_b->truth(env);
    if (b == Truth::False) return Truth::False;
    return (a == Truth::True && b == Truth::True) ? Truth::True : Truth::Null;
  }

 private:
  NodePtr m_a, m_b;
};

// true or x = true (x is not evaluated); false or false = false; otherwise null.
class OrNode final : public Node {
 public:
  OrNode(NodePtr a, NodePtr b) : Node(Type::Bool), m_a(std::move(a)), m_b(std::move(b)) {}
  Truth truth(const Env& env) const override {
    const Truth a = m_a->truth(env);
    if (a == Truth::True) return Truth::True;
    const Truth b = m_b->truth(env);
    if (b == Truth::True) return Truth::True;
    return (a == Truth::False && b == Truth::False) ? Truth::False : Truth::Null;
  }

 private:
  NodePtr m_a, m_b;
};

// if c then a else b: a null condition takes the else branch. Only the chosen branch is
// evaluated; a branch of the node's own type is asked through its typed accessor.
class IfNode final : public Node {
 public:
  IfNode(Type type, NodePtr c, NodePtr a, NodePtr b)
      : Node(type), m_c(std::move(c)), m_a(std::move(a)), m_b(std::move(b)) {}

  Value eval(const Env& env) const override {
    Value scratch;
    const Value* p = ref(env, scratch);
    if (p == &scratch) return scratch;
    return *p;
  }
  const Value* ref(const Env& env, Value& scratch) const override {
    return conformed_ref(pick(env).ref(env, scratch));
  }
  Num num(const Env& env) const override {
    const Node& branch = pick(env);
    if (branch.type() == type()) return branch.num(env);
    Value scratch;
    return num_of(*conformed_ref(branch.ref(env, scratch)));
  }
  Truth truth(const Env& env) const override {
    const Node& branch = pick(env);
    if (branch.type() == type()) return branch.truth(env);
    Value scratch;
    return truth_of(*conformed_ref(branch.ref(env, scratch)));
  }
  Secs secs(const Env& env) const override {
    const Node& branch = pick(env);
    if (branch.type() == type()) return branch.secs(env);
    Value scratch;
    return secs_of(*branch.ref(env, scratch), type());
  }

 private:
  [[nodiscard]] const Node& pick(const Env& env) const {
    return m_c->truth(env) == Truth::True ? *m_a : *m_b;
  }
  [[nodiscard]] const Value* conformed_ref(const Value* p) const {
    return conforms(*p, type()) ? p : &null_value();
  }

  NodePtr m_c, m_a, m_b;
};

// The first non-null argument (later arguments are not evaluated).
class CoalesceNode final : public Node {
 public:
  CoalesceNode(Type type, NodeList args) : Node(type), m_args(std::move(args)) {}
  Value eval(const Env& env) const override {
    Value scratch;
    const Value* p = ref(env, scratch);
    if (p == &scratch) return scratch;
    return *p;
  }
  const Value* ref(const Env& env, Value& scratch) const override {
    for (const NodePtr& arg : m_args) {
      const Value* p = arg->ref(env, scratch);
      if (!p->is_null()) return conforms(*p, type()) ? p : &null_value();
    }
    return &null_value();
  }

 private:
  NodeList m_args;
};

// a in list: null when a or the list is null; otherwise whether an element equals a.
class InNode final : public Node {
 public:
  InNode(NodePtr a, NodePtr list) : Node(Type::Bool), m_a(std::move(a)), m_list(std::move(list)) {}
  Truth truth(const Env& env) const override {
    Value sa, sl;
    const Value& a = *m_a->ref(env, sa);
    const ValueList* list = m_list->ref(env, sl)->as_list();
    if (list == nullptr || kind_of(a) == Type::Null) return Truth::Null;
    for (const Value& e : *list) {
      if (values_equal(a, e)) return Truth::True;
    }
    return Truth::False;
  }

 private:
  NodePtr m_a, m_list;
};

class MakeListNode final : public Node {
 public:
  explicit MakeListNode(NodeList args) : Node(Type::List), m_args(std::move(args)) {}
  Value eval(const Env& env) const override {
    ValueList list;
    list.reserve(m_args.size());
    for (const NodePtr& arg : m_args) list.push_back(arg->eval(env));
    return Value{std::move(list)};
  }

 private:
  NodeList m_args;
};

}  // namespace

NodePtr make_logic(const Ir& ir, NodeList args) {
  switch (ir.op) {
    case Op::Not:
      return std::make_unique<NotNode>(std::move(args[0]));
    case Op::And:
      return std::make_unique<AndNode>(std::move(args[0]), std::move(args[1]));
    case Op::Or:
      return std::make_unique<OrNode>(std::move(args[0]), std::move(args[1]));
    case Op::If:
      return std::make_unique<IfNode>(ir.type, std::move(args[0]), std::move(args[1]),
                                      std::move(args[2]));
    case Op::Coalesce:
      return std::make_unique<CoalesceNode>(ir.type, std::move(args));
    case Op::In:
      return std::make_unique<InNode>(std::move(args[0]), std::move(args[1]));
    default:
      return std::make_unique<MakeListNode>(std::move(args));
  }
}

}  // namespace dojang::engine::detail
