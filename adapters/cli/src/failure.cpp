#include "failure.hpp"

#include <boost/json/object.hpp>

#include "io.hpp"
#include "report.hpp"

namespace dojang::cli {
namespace {

// Several lines (libpq's messages) folded into one.
std::string one_line(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r'))
    text.pop_back();
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') continue;
    if (text[i] != '\n') {
      out += text[i];
      continue;
    }
    while (i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t')) ++i;
    out += "; ";
  }
  return out;
}

std::string code_word(store::Error::Code code) {
  std::string word = store::to_string(code);
  for (char& c : word) {
    if (c == ' ') c = '_';
  }
  return word;
}

}  // namespace

Failure usage_failure(std::string message) {
  return {ExitCode::Usage, "usage", std::move(message)};
}

Failure store_failure(const store::Error& error) {
  using C = store::Error::Code;
  const bool unreachable =
      error.code == C::Unavailable || error.code == C::BadUrl || error.code == C::Schema;
  return {unreachable ? ExitCode::Usage : ExitCode::CheckFailed, code_word(error.code),
          one_line(error.message)};
}

Failure refusal_failure(const engine::Refusal& refusal) {
  return {ExitCode::CheckFailed, std::string(engine::code_name(refusal.code)),
          one_line(refusal.message)};
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
