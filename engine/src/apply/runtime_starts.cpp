// `start WORKFLOW with field = expr, ...`: the orders to start other procedures, with the values
// of the instance after the step. The caller starts the items; the engine only says what to start.

#include "apply/runtime_detail.hpp"

namespace dojang::engine::detail {

std::vector<StartOrder> start_orders(Draft& draft) {
  std::vector<StartOrder> orders;
  orders.reserve(draft.starts.size());
  const Env env = draft.env();
  for (const StartDef* s : draft.starts) {
    StartOrder order;
    order.workflow = s->workflow;
    order.values.reserve(s->assignments.size());
    for (const StartDef::Assignment& a : s->assignments)
      order.values.emplace_back(a.field, a.expr.evaluate(env));  // null stays null
    orders.push_back(std::move(order));
  }
  return orders;
}

}  // namespace dojang::engine::detail
