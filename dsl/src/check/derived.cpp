// Derived values (`let`) and decision tables, checked in dependency order.

#include <algorithm>

#include "check/lowering.hpp"
#include "dojang/engine/table_coverage.hpp"

namespace dojang::dsl::detail {

void Checker::check_derived() {
  for (std::size_t i = 0; i < m_ast.lets.size(); ++i) {
    if (m_let_state[i] == 0) check_let(static_cast<engine::Index>(i));
  }
  for (std::size_t i = 0; i < m_ast.tables.size(); ++i) {
    if (m_table_state[i] == 0) check_table(static_cast<engine::Index>(i));
  }
  m_def.derived = m_order;
}

void Checker::check_let(engine::Index i) {
  m_let_state[i] = 1;
  auto const& let = m_ast.lets[i];
  Typed t = check(*let.value, ExprContext{});
  if (t.ok && t.ir.type == Type::Null) {
    warning(*let.value, "'" + let.name.text + "' is always null");
  }
  auto& def = m_def.lets[i];
  def.type = t.ir.type;
  def.source = source_of(*let.value, 200);
  if (t.ok) def.expr = engine::Expression::compile(t.ir);
  m_let_typed[i] = std::move(t);
  m_let_state[i] = 2;
  m_order.push_back({engine::DerivedStep::Kind::Let, i});
}

namespace {

Ir table_input(std::uint32_t i, Type t) {
  Ir ir;
  ir.op = Op::TableInput;
  ir.type = t;
  ir.index = i;
  return ir;
}

std::string value_text(const engine::Value& v) {
  if (auto const* n = v.as_number()) return number_text(*n);
  if (auto const* s = v.as_text()) return *s;
  if (auto const* b = v.as_bool()) return *b ? "true" : "false";
  return "";
}

// What a constant cell test covers, for the coverage analysis.
engine::CellTest cell_test(const ast::Cell& cell, const Typed& a, const Typed& b) {
  engine::CellTest test;
  using K = engine::CellTest::Kind;
  auto const number = [](const Typed& x) -> const double* {
    return x.constant ? x.constant->as_number() : nullptr;
  };
  switch (cell.kind) {
    case ast::Cell::Kind::Any:
      test.kind = K::Any;
      break;
    case ast::Cell::Kind::Compare:
      if (auto const* v = number(a); v && cell.op != "!=") {
        test.kind = K::Interval;
        if (cell.op == ">=") test.interval.lo = *v;
        if (cell.op == ">") test.interval = {*v, test.interval.hi, true, false};
        if (cell.op == "<=") test.interval.hi = *v;
        if (cell.op == "<") test.interval = {test.interval.lo, *v, false, true};
        if (cell.op == "==") test.interval = {*v, *v, false, false};
      } else if (a.constant && cell.op == "==" && !a.constant->as_number()) {
        test.kind = K::Set;
        test.set = {value_text(*a.constant)};
      } else {
        test.kind = K::Opaque;
      }
      break;
    case ast::Cell::Kind::Range:
      if (number(a) && number(b)) {
        test.kind = K::Interval;
        test.interval = {*number(a), *number(b), false, cell.op == "..<"};
      } else {
        test.kind = K::Opaque;
      }
      break;
    case ast::Cell::Kind::Equal:
      if (auto const* v = number(a)) {
        test.kind = K::Interval;
        test.interval = {*v, *v, false, false};
      } else if (a.constant && !a.constant->is_null()) {
        test.kind = K::Set;
        test.set = {value_text(*a.constant)};
      } else {
        test.kind = K::Opaque;
      }
      break;
    case ast::Cell::Kind::In:
      test.kind = K::Set;
      for (auto const& item : a.ir.args) {
        if (item.op != Op::Const || item.constant.is_null()) {
          test.kind = K::Opaque;
          break;
        }
        test.set.push_back(value_text(item.constant));
      }
      break;
  }
  return test;
}

}  // namespace

void Checker::check_table(engine::Index ti) {
  m_table_state[ti] = 1;
  auto const& table = m_ast.tables[ti];
  auto& def = m_def.tables[ti];
  std::vector<Typed> inputs;
  for (auto const& in : table.inputs) {
    inputs.push_back(check(*in, ExprContext{}));
    if (inputs.back().ok) def.inputs.push_back(engine::Expression::compile(inputs.back().ir));
  }
  bool const inputs_ok =
      std::all_of(inputs.begin(), inputs.end(), [](auto const& t) { return t.ok; });
  m_table_outputs[ti].assign(def.outputs.size(), Typed{});
  std::vector<std::vector<engine::CellTest>> tests;
  bool rows_ok = inputs_ok;
  for (auto const& row : table.rows) {
    if (row.cells.size() != table.inputs.size()) {
      error(row, "this row has " + std::to_string(row.cells.size()) +
                     " cells but the table is given " + std::to_string(table.inputs.size()) +
                     " input" + (table.inputs.size() == 1 ? "" : "s"));
      rows_ok = false;
      continue;
    }
    if (row.outputs.size() != def.outputs.size()) {
      error(row, "this row gives " + std::to_string(row.outputs.size()) +
                     " results but the table yields " + std::to_string(def.outputs.size()));
      rows_ok = false;
      continue;
    }
    engine::TableRow out;
    std::vector<engine::CellTest> row_tests;
    for (std::size_t c = 0; c < row.cells.size() && inputs_ok; ++c) {
      auto const& cell = row.cells[c];
      Type const input_type = inputs[c].ir.type;
      Ir x = table_input(static_cast<std::uint32_t>(c), input_type);
      Typed a = cell.a ? check(*cell.a, ExprContext{}) : Typed{};
      Typed b = cell.b ? check(*cell.b, ExprContext{}) : Typed{};
      if (!a.ok || !b.ok) {
        rows_ok = false;
        continue;
      }
      auto const same_type = [&](const Typed& v, const ast::Expr& where) {
        if (v.ir.type == input_type || v.ir.type == Type::Null || input_type == Type::Null ||
            (numeric(v.ir.type) && numeric(input_type))) {  // money against 1000000
          check_enum_literal(inputs[c], v, where);
          return true;
        }
        error(where, "this cell compares input '" + source_of(*table.inputs[c]) + "' (" +
                         type_name(input_type) + ") with " + type_name(v.ir.type));
        rows_ok = false;
        return false;
      };
      Ir test;
      switch (cell.kind) {
        case ast::Cell::Kind::Any:
          test = make_const(engine::Value(true), Type::Bool);
          break;
        case ast::Cell::Kind::Compare: {
          if (!same_type(a, *cell.a)) continue;
          Op const op = cell.op == "<"    ? Op::Lt
                        : cell.op == "<=" ? Op::Le
                        : cell.op == ">"  ? Op::Gt
                        : cell.op == ">=" ? Op::Ge
                        : cell.op == "!=" ? Op::Ne
                                          : Op::Eq;
          test = make_op(op, Type::Bool, irs(std::move(x), a.ir));
          break;
        }
        case ast::Cell::Kind::Range: {
          if (!same_type(a, *cell.a) || !same_type(b, *cell.b)) continue;
          Ir lo = make_op(Op::Ge, Type::Bool, irs(x, a.ir));
          Ir hi = make_op(cell.op == "..<" ? Op::Lt : Op::Le, Type::Bool, irs(x, b.ir));
          test = make_op(Op::And, Type::Bool, irs(std::move(lo), std::move(hi)));
          break;
        }
        case ast::Cell::Kind::In:
          if (a.ir.type != Type::List) {
            error(*cell.a, "'in' needs a list such as [\"a\", \"b\"]");
            rows_ok = false;
            continue;
          }
          for (auto const& item : a.ir.args) {
            Typed literal;
            literal.constant = item.constant;
            if (item.op == Op::Const) check_enum_literal(inputs[c], literal, *cell.a);
          }
          test = make_op(Op::In, Type::Bool, irs(std::move(x), a.ir));
          break;
        case ast::Cell::Kind::Equal:
          if (!same_type(a, *cell.a)) continue;
          test = make_op(Op::Eq, Type::Bool, irs(std::move(x), a.ir));
          break;
      }
      test.offset = cell.offset;
      test.length = cell.length;
      out.cells.push_back(engine::Expression::compile(test));
      row_tests.push_back(cell_test(cell, a, b));
    }
    for (std::size_t o = 0; o < row.outputs.size(); ++o) {
      Typed v = check(*row.outputs[o], ExprContext{});
      if (!v.ok) {
        rows_ok = false;
        continue;
      }
      auto const& declared = def.outputs[o];
      Type const want = type_of(declared.type);
      if (want == Type::Money && v.ir.type == Type::Number && v.constant) {
        // A money output written as a number literal (500000): that amount, exactly.
        if (auto const m = money_literal(*v.constant)) {
          v.ir = make_const(*m, Type::Money);
          v.constant = *m;
        } else {
          error(*row.outputs[o], "output '" + declared.name +
                                     "' is money, which has at most 4 "
                                     "decimal places; '" +
                                     source_of(*row.outputs[o]) + "' is not");
          rows_ok = false;
          continue;
        }
      }
      if (v.ir.type != want && v.ir.type != Type::Null) {
        error(*row.outputs[o], "output '" + declared.name + "' is " + type_name(want) + ", but '" +
                                   source_of(*row.outputs[o]) + "' is " + type_name(v.ir.type));
        rows_ok = false;
        continue;
      }
      Typed ref;
      ref.declared = &declared.type;
      ref.declared_name = table.name.text + "." + declared.name;
      check_enum_literal(ref, v, *row.outputs[o]);
      if (declared.type.kind == engine::FieldKind::Score && v.constant && v.constant->as_number() &&
          (*v.constant->as_number() < declared.type.lo ||
           *v.constant->as_number() > declared.type.hi)) {
        error(*row.outputs[o], "output '" + declared.name + "' is a score " +
                                   number_text(declared.type.lo) + ".." +
                                   number_text(declared.type.hi) + "; " +
                                   source_of(*row.outputs[o]) + " is outside it");
      }
      out.outputs.push_back(engine::Expression::compile(v.ir));
    }
    if (row_tests.size() == table.inputs.size()) tests.push_back(std::move(row_tests));
    def.rows.push_back(std::move(out));
  }
  if (table.rows.empty())
    warning(table.name, "table '" + table.name.text + "' has no rows: its results are always null");
  if (rows_ok && table.hit == ast::HitPolicy::Unique && tests.size() == table.rows.size()) {
    table_coverage(ti, inputs, tests);
  }
  for (auto& o : m_table_outputs[ti]) o.ok = rows_ok;
  m_table_state[ti] = 2;
  m_order.push_back({engine::DerivedStep::Kind::Table, ti});
}

}  // namespace dojang::dsl::detail
