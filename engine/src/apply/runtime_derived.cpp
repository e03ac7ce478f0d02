// Derived values: `let`s and decision tables, recomputed in dependency order.

#include <string>
#include <vector>

#include "apply/runtime_detail.hpp"

namespace dojang::engine {

namespace {

// The rows of `table` whose cells all hold for `inputs`, in order.
std::vector<std::size_t> matching_rows(const TableDef& table, Env env,
                                       std::span<const Value> inputs) {
  env.table_inputs = inputs;
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    bool all = true;
    for (const Expression& cell : table.rows[r].cells) {
      if (!cell.holds(env)) {
        all = false;
        break;
      }
    }
    if (all) rows.push_back(r);
  }
  return rows;
}

void evaluate_table(const TableDef& table, Instance& instance, const Env& env,
                    std::vector<EvalNote>* notes) {
  std::vector<Value> inputs;
  inputs.reserve(table.inputs.size());
  for (const Expression& in : table.inputs) inputs.push_back(in.evaluate(env));
  const std::vector<std::size_t> rows = matching_rows(table, env, inputs);
  Env cell_env = env;
  cell_env.table_inputs = inputs;
  auto output_of = [&](std::size_t row, std::size_t o) {
    const std::vector<Expression>& outs = table.rows[row].outputs;
    return o < outs.size() ? outs[o].evaluate(cell_env) : Value{};
  };
  if (table.hit == HitPolicy::Unique && rows.size() > 1 && notes != nullptr) {
    std::string which;
    for (std::size_t i = 0; i < rows.size(); ++i)
      which += (i == 0 ? "" : ", ") + std::to_string(rows[i] + 1);
    notes->push_back(EvalNote{0, 0,
                              "table '" + table.name + "' is unique but rows " + which +
                                  " all match; the first of them is used"});
  }
  for (std::size_t o = 0; o < table.outputs.size(); ++o) {
    const Index slot = table.outputs[o].slot;
    if (slot >= instance.slots.size()) continue;
    if (table.hit == HitPolicy::Collect) {
      ValueList list;
      for (const std::size_t r : rows) list.push_back(output_of(r, o));
      instance.slots[slot] = Value{std::move(list)};
    } else {
      instance.slots[slot] = rows.empty() ? Value{} : output_of(rows.front(), o);
    }
  }
}

}  // namespace

void recompute(const Definition& definition, Instance& instance, Date now,
               std::vector<EvalNote>* notes) {
  if (instance.slots.size() != definition.slot_count) instance.slots.resize(definition.slot_count);
  if (definition.derived.empty()) return;
  Env env;
  env.slots = instance.slots;  // the same storage: each step writes what later steps read
  env.reviews = instance.reviews;
  env.now = now;
  env.notes = notes;
  for (const DerivedStep& step : definition.derived) {
    if (step.kind == DerivedStep::Kind::Let) {
      if (step.index >= definition.lets.size()) continue;
      const LetDef& let = definition.lets[step.index];
      if (let.slot >= instance.slots.size()) continue;
      Value v = let.expr.evaluate(env);
      instance.slots[let.slot] = std::move(v);
    } else {
      if (step.index >= definition.tables.size()) continue;
      evaluate_table(definition.tables[step.index], instance, env, notes);
    }
  }
}

}  // namespace dojang::engine
