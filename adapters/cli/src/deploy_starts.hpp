#pragma once
// What `dojang deploy` checks across procedures: a `start WORKFLOW with field = expr, ...` must
// name a procedure that is deployed (or deployed by the same command), fields that procedure has,
// and values whose type fits them. The latest version counts, as it is the one that is started.

#include <string>
#include <vector>

#include "dojang/engine/definition.hpp"
#include "runtime_session.hpp"

namespace dojang::cli {

struct Deploying {
  std::string path;  // the file, for messages
  const engine::Definition* definition = nullptr;
};

// One line per problem: "FILE:LINE: 'propose_task' starts 'innovation_task', which ...".
// Empty when every `start` fits. Store failures other than "not deployed" are problems too.
[[nodiscard]] std::vector<std::string> start_problems(Session& session,
                                                      const std::vector<Deploying>& files);

}  // namespace dojang::cli
