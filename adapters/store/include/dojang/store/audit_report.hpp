#pragma once
// The result of checking the history hash chains (`dojang audit verify`).

#include <cstdint>
#include <string>
#include <vector>

namespace dojang::store {

struct AuditProblem {
  std::string instance;
  std::int64_t seq = 0;  // the first event of the instance that does not check out
  std::string reason;
};

struct AuditReport {
  std::int64_t instances = 0;          // instances checked
  std::int64_t events = 0;             // events checked
  std::vector<AuditProblem> problems;  // at most one per instance, by instance id
  [[nodiscard]] bool ok() const { return problems.empty(); }
};

}  // namespace dojang::store
