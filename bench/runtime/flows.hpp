#pragma once
// The procedures the runtime benchmarks work on, as .flow text, and their compiled definitions.

#include <memory>
#include <string>

#include "dojang/engine/definition.hpp"

namespace dojang::runtime_bench {

// Two resting states and actions back and forth (`ping` a -> b, `pong` b -> a) by one role
// `player`, with a few fields set at the start: an instance can take transitions for ever.
inline constexpr const char* kPingPongName = "rt_pingpong";
[[nodiscard]] const std::string& pingpong_flow();

// draft -> review -> approved | rejected, approval guarded by `score >= 50`: the shape of the
// Boost.MSM machine it is compared with.
inline constexpr const char* kReviewName = "rt_review";
[[nodiscard]] const std::string& review_flow();

// An intake state from which the clerk routes an item to one of kInboxRoles states s00 ..,
// each acted on by its own role r00 .. (`done` -> closed): items spread over many inboxes.
inline constexpr const char* kInboxName = "rt_inbox";
inline constexpr int kInboxRoles = 50;
[[nodiscard]] const std::string& inbox_flow();

// "r07", "s07": the role and state of inbox k.
[[nodiscard]] std::string inbox_role(int k);
[[nodiscard]] std::string inbox_state(int k);

// Compiles one of the texts above; on any error prints the diagnostics and exits with status 2.
[[nodiscard]] std::shared_ptr<const engine::Definition> compile_flow(const std::string& name,
                                                                     const std::string& text);

}  // namespace dojang::runtime_bench
