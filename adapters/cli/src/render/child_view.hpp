#pragma once
// How the items started by another item's step (app::ChildStart) read.

#include <boost/json/object.hpp>

#include <string>

#include "dojang/app/results.hpp"

namespace dojang::cli {

// "  started innovation_task-1 (혁신과제 선정) from complaint-1, event 7" or
// "  could not start innovation_task for complaint-1, event 7: ...".
[[nodiscard]] std::string child_line(const app::ChildStart& child);
// {parent, seq, n, workflow, label, id} and, when it failed, {"error": message}.
[[nodiscard]] boost::json::object child_json(const app::ChildStart& child);

}  // namespace dojang::cli
