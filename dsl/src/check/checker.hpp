#pragma once
// The checker: resolves every name of a parsed procedure, types every expression, proves the
// state graph sound, and lowers the result into an engine::Definition. Private to dsl.

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/dsl/ast.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dojang/dsl/source_file.hpp"
#include "dojang/engine/definition.hpp"
#include "dojang/engine/ir.hpp"
#include "dojang/engine/table_coverage.hpp"

namespace dojang::dsl::detail {

// What is known of a number's range, or of a condition's possible outcomes, without running it.
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  [[nodiscard]] bool bounded() const {
    return lo > -std::numeric_limits<double>::infinity() &&
           hi < std::numeric_limits<double>::infinity();
  }
};
struct Outcomes {
  bool can_be_true = true;
  bool can_be_false = true;
};

// A checked expression: its lowered form plus what the checker knows about it.
struct Typed {
  engine::Ir ir;
  bool ok = true;     // false after an error (the type is then unknown: no cascades)
  Range range;        // numbers
  Outcomes outcomes;  // bools
  const engine::FieldType* declared = nullptr;  // a reference to a field/output with this type
  std::string declared_name;                    // its name, for messages
  std::optional<engine::Value> constant;        // a literal (or a folded literal)
};

// Where an expression is checked: decides what `approvals` and `reviews` refer to.
struct ExprContext {
  engine::Index state = engine::kNone;  // the state the expression belongs to, if any
  engine::Index table = engine::kNone;  // inside a table's cells: the table
  bool in_table_cell = false;
};

class Checker {
 public:
  Checker(const SourceFile& file, const ast::Workflow& workflow);
  // The definition (null on errors) and the diagnostics, sorted.
  std::shared_ptr<const engine::Definition> run(std::vector<Diagnostic>& out);

  // ---- used by the parts (each in its own .cpp)
  void error(const ast::Node& where, std::string message, std::vector<std::string> notes = {});
  void warning(const ast::Node& where, std::string message, std::vector<std::string> notes = {});
  [[nodiscard]] std::string source_of(const ast::Node& n, std::size_t max_columns = 40) const;
  // The 1-based line of `offset`; quick for offsets that come in source order (actions).
  [[nodiscard]] std::uint32_t line_of(std::uint32_t offset);

 private:
  // symbols.cpp
  void declare_roles();
  void declare_fields();
  void declare_states();
  void declare_lets_and_tables();
  [[nodiscard]] engine::FieldType field_type(const ast::TypeSpec& t, std::string_view owner);
  [[nodiscard]] engine::Index resolve_state(const ast::Name& n);
  [[nodiscard]] engine::Index resolve_field(const ast::Name& n);
  // A role, `submitter`, `anyone`, a head of a unit or a person field.
  [[nodiscard]] bool resolve_actor(const ast::Name& n, ast::HeadOf head, engine::Actor& actor);
  // The field's type as written: "person", "count", "one_of", ...
  [[nodiscard]] static std::string type_word(const engine::FieldType& t);
  void declare_unit_from();
  [[nodiscard]] engine::Index resolve_role(const ast::Name& n);
  template <typename Map>
  void unknown_name(const ast::Name& n, std::string_view what, const Map& known);

  // expressions.cpp / expr_calls.cpp
 public:
  [[nodiscard]] Typed check(const ast::Expr& e, const ExprContext& cx);
  [[nodiscard]] Typed check_bool(const ast::Expr& e, const ExprContext& cx, std::string_view what);

 private:
  Typed check_ref(const ast::Expr& e, const ExprContext& cx);
  Typed check_unary(const ast::Expr& e, const ExprContext& cx);
  Typed check_binary(const ast::Expr& e, const ExprContext& cx);
  Typed check_compare(const ast::Expr& e, Typed a, Typed b);
  Typed check_call(const ast::Expr& e, const ExprContext& cx);
  Typed check_aggregate(const ast::Expr& e, const ExprContext& cx, std::string_view fn);
  Typed check_weighted(const ast::Expr& e);
  Typed check_approve(const ast::Expr& e, const ExprContext& cx);
  [[nodiscard]] engine::Index review_block_for(const ast::Expr& e, const ExprContext& cx);
  void check_enum_literal(const Typed& ref, const Typed& literal, const ast::Node& where);
  Typed failed();

  // derived.cpp: lets and tables, in dependency order
  void check_derived();
  void check_let(engine::Index i);
  void check_table(engine::Index i);
  void table_coverage(engine::Index i, const std::vector<Typed>& inputs,
                      const std::vector<std::vector<engine::CellTest>>& rows);

  // states.cpp
  void check_states();
  void check_action(engine::Index state, const ast::Action& a, engine::ActionDef& out);
  void check_start(const ast::StartOther& s, const ExprContext& cx,
                   std::vector<engine::StartDef>& out);
  void check_notify(const ast::Notify& n, std::vector<engine::NotifyDef>& out);
  void check_timer(engine::Index state, const ast::Timer& t, engine::TimerDef& out);
  void check_review(engine::Index state, const ast::Review& r, engine::ReviewDef& out);
  void check_routes(engine::Index state, const ast::State& s, engine::StateDef& out);
  void check_same_name_actions(const ast::State& s);

  // ranking.cpp
  void check_rank_placement(engine::Index state, const ast::State& s);
  void check_ranking(engine::Index state, const ast::Rank& r, engine::RankingDef& out);
  [[nodiscard]] engine::Index rank_field(const ast::Name& n, std::string_view clause);

  // graph.cpp
  void check_graph();

 public:
  const SourceFile& m_file;
  const ast::Workflow& m_ast;
  engine::Definition m_def;
  std::vector<Diagnostic> m_diags;
  std::uint32_t m_line_hint = 1;  // the line of the last line_of()
  std::string m_what;             // check_action: what a guard is, for check_bool's messages

  std::map<std::string, engine::Index, std::less<>> m_roles, m_fields, m_states, m_tables;
  // Derived values: name -> index into m_ast.lets; and their checked results.
  std::map<std::string, engine::Index, std::less<>> m_lets;
  std::vector<int> m_let_state;  // 0 unchecked, 1 in progress, 2 done
  std::vector<Typed> m_let_typed;
  std::vector<int> m_table_state;
  std::vector<std::vector<Typed>> m_table_outputs;  // per table, one per output (a reference)
  // Review blocks: (state index, criteria) in declaration order.
  struct Block {
    engine::Index state;
    const ast::Review* review;
  };
  std::vector<Block> m_blocks;
  std::vector<const ast::State*> m_state_ast;  // by state index
  std::vector<engine::DerivedStep> m_order;
  bool m_names_broken = false;  // a state name did not resolve: skip the graph checks
};

}  // namespace dojang::dsl::detail
