#pragma once
// The start orders of a step (`start WORKFLOW with ...`), written inside the commit's transaction.

#include <soci/soci.h>

#include "dojang/engine/runtime.hpp"

namespace dojang::store::detail {

// One row per Step::starts entry, keyed (instance, seq, n); no statement when there is none.
void insert_start_orders(soci::session& sql, const engine::Step& step);

}  // namespace dojang::store::detail
