#pragma once
// The directory of people, their roles and their deputies, as loaded from a file.

#include <string>
#include <vector>

#include "dojang/engine/value.hpp"

namespace dojang::store {

struct Person {
  std::string id;  // the user id people log in with
  std::string name;
  std::string department;
  std::vector<std::string> roles;
};

// `deputy` may act for `for_user` from `from` (inclusive) until `to` (exclusive). A loader that
// reads whole days passes the midnight after the last day as `to`.
struct Deputy {
  std::string deputy;
  std::string for_user;
  engine::Date from, to;
};

struct Directory {
  std::vector<Person> people;
  std::vector<Deputy> deputies;
};

}  // namespace dojang::store
