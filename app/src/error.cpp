#include "dojang/app/error.hpp"

namespace dojang::app {
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

std::string_view kind_name(Error::Kind kind) {
  switch (kind) {
    case Error::Kind::Refused:
      return "refused";
    case Error::Kind::Conflict:
      return "conflict";
    case Error::Kind::NotFound:
      return "not_found";
    case Error::Kind::Forbidden:
      return "forbidden";
    case Error::Kind::BadInput:
      return "bad_input";
    case Error::Kind::Unavailable:
      return "unavailable";
  }
  return "refused";
}

Error from_store(const store::Error& error) {
  using C = store::Error::Code;
  using K = Error::Kind;
  K kind = K::Refused;
  switch (error.code) {
    case C::Conflict:
    case C::Duplicate:
      kind = K::Conflict;
      break;
    case C::NotFound:
      kind = K::NotFound;
      break;
    case C::Unavailable:
    case C::NoStore:
    case C::Schema:
    case C::BadUrl:
      kind = K::Unavailable;
      break;
    case C::Invalid:
    case C::Internal:
      kind = K::Refused;
      break;
  }
  return {kind, code_word(error.code), one_line(error.message), {}};
}

Error from_refusal(const engine::Refusal& refusal) {
  using C = engine::Refusal::Code;
  using K = Error::Kind;
  K kind = K::Refused;
  switch (refusal.code) {
    case C::WrongRole:
    case C::FourEyes:
    case C::NotReviewer:
    case C::Recused:
    case C::NotOwner:
      kind = K::Forbidden;
      break;
    case C::StaleRevision:
      kind = K::Conflict;
      break;
    default:
      break;
  }
  return {kind, std::string(engine::code_name(refusal.code)), one_line(refusal.message), {}};
}

}  // namespace dojang::app
