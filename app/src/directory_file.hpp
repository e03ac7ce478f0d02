#pragma once
// The directory file (`dojang directory load FILE`): CSV in sections, documented in
// examples/directory/README.md.
//
//   # comments and blank lines are ignored
//   [units]
//   id,name,parent,head
//   planning,혁신기획단,,lee.x
//   planning_team,기획팀,planning,kim.sujin
//   [people]
//   id,name,unit,position,roles
//   kim.sujin,김수진,planning_team,팀장,office screener handler@planning_team
//   [deputies]
//   deputy,for,from,to
//   jeon.mikyung,baek.seungho,2007-02-19,2007-03-09
//
// Each section starts with a header line naming its columns (any order; units and people need
// id and name, the others are optional; deputies need all four). Roles are separated by
// spaces or semicolons; ROLE@UNIT is a role held in one unit. A deputy period runs from the first day to the last day inclusive, as
// Korean calendar days (KST, UTC+9), like the procedures' calendar windows.

#include <expected>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/store/directory.hpp"

namespace dojang::app {

struct ParsedDirectory {
  store::Directory directory;
  std::map<std::string, std::size_t> person_line;  // where each person is written
};

// The directory, or every problem found, each as "FILE:LINE: message".
[[nodiscard]] std::expected<ParsedDirectory, std::vector<std::string>> parse_directory(
    const std::string& path, std::string_view text);

}  // namespace dojang::app
