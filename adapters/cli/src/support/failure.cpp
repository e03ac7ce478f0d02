#include "support/failure.hpp"

#include <boost/json/object.hpp>

#include "render/report.hpp"
#include "support/io.hpp"

namespace dojang::cli {

Failure usage_failure(std::string message) {
  return {ExitCode::Usage, "usage", std::move(message)};
}

ExitCode report(const Failure& failure, const GlobalOptions& global) {
  print_error(failure.message);
  if (global.json) {
    boost::json::object error;
    error["code"] = failure.code;
    error["message"] = failure.message;
    boost::json::object document;
    document["ok"] = false;
    document["error"] = std::move(error);
    print_json(document);
  }
  return failure.exit;
}

}  // namespace dojang::cli
