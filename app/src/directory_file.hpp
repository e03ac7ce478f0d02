#pragma once
// The directory file (`dojang directory load FILE`): CSV in two sections, documented in
// examples/directory/README.md.
//
//   # comments and blank lines are ignored
//   [people]
//   id,name,department,roles
//   kim.sujin,김수진,혁신기획단 기획팀,office screener
//   [deputies]
//   deputy,for,from,to
//   jeon.mikyung,baek.seungho,2007-02-19,2007-03-09
//
// Each section starts with a header line naming its columns (any order; people need id and
// name, department and roles are optional; deputies need all four). Roles are separated by
// spaces or semicolons. A deputy period runs from the first day to the last day inclusive, as
// Korean calendar days (KST, UTC+9), like the procedures' calendar windows.

#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/store/directory.hpp"

namespace dojang::app {

// The directory, or every problem found, each as "FILE:LINE: message".
[[nodiscard]] std::expected<store::Directory, std::vector<std::string>> parse_directory(
    const std::string& path, std::string_view text);

}  // namespace dojang::app
