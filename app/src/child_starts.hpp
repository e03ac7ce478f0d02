#pragma once
// Items started by another item's step (`start WORKFLOW with field = expr, ...`): the store keeps
// each order with the step; after the commit the order is carried out here, by "system", on the
// latest deployed version of WORKFLOW, with an idempotency key made of (parent, event, n) so that
// it happens exactly once even when a crash comes between the start and marking the order.

#include <optional>
#include <string>
#include <vector>

#include "state.hpp"

namespace dojang::app {

// Carries out the pending orders of `parent` (of every item when nullopt), oldest first. An order
// that cannot be carried out stays pending (a later tick tries again) and says why.
[[nodiscard]] std::vector<ChildStart> start_children(State& state,
                                                     const std::optional<std::string>& parent);

}  // namespace dojang::app
