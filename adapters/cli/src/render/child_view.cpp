#include "render/child_view.hpp"

namespace dojang::cli {

std::string child_line(const app::ChildStart& child) {
  const std::string from = child.parent + ", event " + std::to_string(child.seq);
  if (!child.ok()) {
    return "  could not start " + (child.workflow.empty() ? "an item" : child.workflow) + " for " +
           from + ": " + child.message + " (dojang tick tries again)";
  }
  const std::string label =
      child.label.empty() || child.label == child.workflow ? "" : " (" + child.label + ")";
  return "  started " + child.id + label + " from " + from;
}

boost::json::object child_json(const app::ChildStart& child) {
  boost::json::object o;
  o["parent"] = child.parent;
  o["seq"] = child.seq;
  o["n"] = child.n;
  o["workflow"] = child.workflow;
  o["label"] = child.label;
  if (child.ok()) {
    o["id"] = child.id;
  } else {
    o["id"] = nullptr;
    o["error"] = child.message;
  }
  return o;
}

}  // namespace dojang::cli
