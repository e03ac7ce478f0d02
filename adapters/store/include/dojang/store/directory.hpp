#pragma once
// The directory: the units, the people with their roles, and their deputies, as loaded from a
// file.

#include <string>
#include <vector>

#include "dojang/engine/organisation.hpp"
#include "dojang/engine/value.hpp"

namespace dojang::store {

struct Person {
  std::string id;  // the user id people log in with
  std::string name;
  std::string department;  // free text, as people say it (older directories have only this)
  std::vector<std::string> roles;  // ROLE office-wide, ROLE@UNIT in a unit
  std::string unit;                // the id of their unit, or ""
  std::string position;            // 주무관, 팀장, 과장, ...
};

// `deputy` may act for `for_user` from `from` (inclusive) until `to` (exclusive). A loader that
// reads whole days passes the midnight after the last day as `to`.
struct Deputy {
  std::string deputy;
  std::string for_user;
  engine::Date from, to;
};

struct Directory {
  std::vector<engine::Unit> units;
  std::vector<Person> people;
  std::vector<Deputy> deputies;
};

}  // namespace dojang::store
