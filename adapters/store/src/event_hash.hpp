#pragma once
// The history hash chain: each event's hash covers the previous event's hash and the event's
// canonical JSON (its instance, seq, columns and payload), so that any change to a stored event,
// a removed event or a reordered one shows up when the chain is recomputed.

#include <string>

#include "dojang/engine/runtime.hpp"

namespace dojang::store::detail {

// SHA-256(prev_hash + canonical JSON of the event); prev_hash is "" for the first event.
[[nodiscard]] std::string chain_hash(const std::string& prev_hash, const std::string& instance,
                                     const engine::HistoryEvent& event);

}  // namespace dojang::store::detail
