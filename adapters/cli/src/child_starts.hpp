#pragma once
// Items started by another item's step (`start WORKFLOW with field = expr, ...`): the store keeps
// each order with the step; after the commit the order is carried out here, by "system", on the
// latest deployed version of WORKFLOW, with an idempotency key made of (parent, event, n) so that
// it happens exactly once even when a crash comes between the start and marking the order.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime_session.hpp"

namespace dojang::cli {

struct ChildStart {
  std::string parent;    // the item whose step ordered it
  std::int64_t seq = 0;  // that step's event
  int n = 0;             // which `start` of the step
  std::string workflow;  // the procedure started
  std::string label;     // its label, when known
  std::string id;        // the item started; empty when it could not be started
  std::string message;   // why not, when it could not
  [[nodiscard]] bool ok() const { return !id.empty(); }
};

// Carries out the pending orders of `parent` (of every item when nullopt), oldest first. An order
// that cannot be carried out stays pending (a later `dojang tick` tries again) and says why.
[[nodiscard]] std::vector<ChildStart> start_children(Session& session,
                                                     const std::optional<std::string>& parent);

// The idempotency key of an order: "start:PARENT:SEQ:N".
[[nodiscard]] std::string child_key(const std::string& parent, std::int64_t seq, int n);

// "  started innovation_task-1 (혁신과제 선정) from complaint-1, event 7" or
// "  could not start innovation_task for complaint-1, event 7: ...".
[[nodiscard]] std::string child_line(const ChildStart& child);
// {parent, seq, n, workflow, label, id} and, when it failed, {"error": message}.
[[nodiscard]] boost::json::object child_json(const ChildStart& child);

}  // namespace dojang::cli
