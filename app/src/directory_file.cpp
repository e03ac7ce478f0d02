#include "directory_file.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "dojang/base/civil.hpp"
#include "dojang/base/iso8601.hpp"
#include "dojang/base/local_time.hpp"
#include "dojang/base/utf8.hpp"

namespace dojang::app {
namespace {

// A calendar date "YYYY-MM-DD" as the number of days since 1970-01-01.
std::optional<long long> parse_day_number(std::string_view text) {
  const auto date = base::parse_date(text);
  if (!date) return std::nullopt;
  return base::days_from_civil(*date);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// One CSV line: fields separated by commas, "quoted" fields with "" for a quote inside.
std::expected<std::vector<std::string>, std::string> split_csv(std::string_view line) {
  std::vector<std::string> cells;
  std::size_t i = 0;
  for (;;) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::string cell;
    if (i < line.size() && line[i] == '"') {
      ++i;
      for (;;) {
        if (i >= line.size()) return std::unexpected("a quoted value is not closed");
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell += line[i++];
      }
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      if (i < line.size() && line[i] != ',')
        return std::unexpected("unexpected text after a quoted value");
    } else {
      const std::size_t comma = line.find(',', i);
      const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
      cell = std::string(trim(line.substr(i, end - i)));
      i = end;
    }
    cells.push_back(std::move(cell));
    if (i >= line.size()) break;
    ++i;  // the comma
  }
  return cells;
}

bool is_name(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '.' || c == '-' || c == '@';
    if (!ok) return false;
  }
  return true;
}

bool is_role(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (const char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  }
  return true;
}

std::vector<std::string> split_roles(const std::string& text) {
  std::vector<std::string> roles;
  std::string word;
  for (const char c : text + " ") {
    if (c == ' ' || c == ';' || c == '\t') {
      if (!word.empty()) roles.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return roles;
}

enum class Section { None, Units, People, Deputies };

struct Parser {
  std::string path;
  store::Directory directory;
  std::vector<std::string> errors;
  std::map<std::string, std::size_t> person_line;  // id -> line
  std::map<std::string, std::size_t> unit_line;    // id -> line
  struct PendingDeputy {
    std::size_t line;
    std::string deputy, for_user;
  };
  std::vector<PendingDeputy> deputies;
  Section section = Section::None;
  std::map<std::string, std::size_t> columns;  // of the current section; empty: header expected

  void error(std::size_t line, const std::string& message) {
    errors.push_back(path + ":" + std::to_string(line) + ": " + message);
  }

  std::string cell(const std::vector<std::string>& cells, const std::string& column) const {
    auto it = columns.find(column);
    return it == columns.end() ? std::string() : cells[it->second];
  }

  void header(std::size_t line, const std::vector<std::string>& cells) {
    const std::vector<std::string> known =
        section == Section::Units ? std::vector<std::string>{"id", "name", "parent", "head"}
        : section == Section::People
            ? std::vector<std::string>{"id", "name", "unit", "position", "department", "roles"}
            : std::vector<std::string>{"deputy", "for", "from", "to"};
    const std::vector<std::string> needed =
        section == Section::Deputies ? known : std::vector<std::string>{"id", "name"};
    std::map<std::string, std::size_t> found;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::string name = cells[i];
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        error(line, "unknown column '" + cells[i] + "'; the columns are " + join(known));
        return;
      }
      if (!found.emplace(name, i).second) {
        error(line, "column '" + name + "' appears twice");
        return;
      }
    }
    for (const std::string& n : needed) {
      if (!found.contains(n)) {
        error(line, "the header needs a column '" + n + "' (" + join(known) + ")");
        return;
      }
    }
    columns = std::move(found);
  }

  static std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  }

  void unit(std::size_t line, const std::vector<std::string>& cells) {
    engine::Unit u;
    u.id = cell(cells, "id");
    u.name = cell(cells, "name");
    u.parent = cell(cells, "parent");
    u.head = cell(cells, "head");
    if (!is_role(u.id)) {
      error(line, u.id.empty() ? "a unit needs an id"
                               : "'" + u.id + "' is not a unit id (letters, digits and _)");
      return;
    }
    if (u.name.empty()) error(line, "unit '" + u.id + "' needs a name");
    auto [it, fresh] = unit_line.emplace(u.id, line);
    if (!fresh) {
      error(line, "unit '" + u.id + "' appears twice (first on line " +
                      std::to_string(it->second) + ")");
      return;
    }
    directory.units.push_back(std::move(u));
  }

  void person(std::size_t line, const std::vector<std::string>& cells) {
    store::Person p;
    p.id = cell(cells, "id");
    p.name = cell(cells, "name");
    p.department = cell(cells, "department");
    p.unit = cell(cells, "unit");
    p.position = cell(cells, "position");
    if (!is_name(p.id)) {
      error(line, p.id.empty() ? "a person needs an id"
                               : "'" + p.id + "' is not a user id (letters, digits, . _ - @)");
      return;
    }
    if (p.name.empty()) error(line, "'" + p.id + "' needs a name");
    for (const std::string& r : split_roles(cell(cells, "roles"))) {
      // ROLE office-wide, or ROLE@UNIT in one unit.
      const std::size_t at = r.find('@');
      if (!is_role(r.substr(0, at))) {
        error(line, "'" + r + "' is not a role name (or ROLE@UNIT for a role held in a unit)");
      } else if (at != std::string::npos && !is_role(r.substr(at + 1))) {
        error(line, "'" + r + "': after '@' comes the id of a unit of [units]");
      }
      p.roles.push_back(r);
    }
    auto [it, fresh] = person_line.emplace(p.id, line);
    if (!fresh) {
      error(line,
            "'" + p.id + "' appears twice (first on line " + std::to_string(it->second) + ")");
      return;
    }
    directory.people.push_back(std::move(p));
  }

  void deputy(std::size_t line, const std::vector<std::string>& cells) {
    store::Deputy d;
    d.deputy = cell(cells, "deputy");
    d.for_user = cell(cells, "for");
    const std::string from = cell(cells, "from"), to = cell(cells, "to");
    const auto first = parse_day_number(from), last = parse_day_number(to);
    if (!first) error(line, "'" + from + "' is not a date (YYYY-MM-DD)");
    if (!last) error(line, "'" + to + "' is not a date (YYYY-MM-DD)");
    if (d.deputy.empty() || d.for_user.empty()) error(line, "a deputy line needs deputy and for");
    if (!d.deputy.empty() && d.deputy == d.for_user)
      error(line, "'" + d.deputy + "' cannot be their own deputy");
    deputies.push_back({line, d.deputy, d.for_user});  // checked against [people] at the end
    if (!first || !last) return;
    if (*last < *first) {
      error(line, "the period ends (" + to + ") before it starts (" + from + ")");
      return;
    }
    // A period runs from the start of its first office day to the end of its last.
    d.from = engine::Date{base::start_of_local_day(*first, base::office_zone())};
    d.to = engine::Date{base::start_of_local_day(*last + 1, base::office_zone())};
    directory.deputies.push_back(std::move(d));
  }

  void line(std::size_t number, std::string_view text) {
    text = trim(text);
    if (text.empty() || text.front() == '#') return;
    if (text.front() == '[') {
      if (text == "[units]") {
        section = Section::Units;
      } else if (text == "[people]") {
        section = Section::People;
      } else if (text == "[deputies]") {
        section = Section::Deputies;
      } else {
        error(number, "unknown section " + std::string(text) +
                          "; the sections are [units], [people] and [deputies]");
        section = Section::None;
      }
      columns.clear();
      return;
    }
    if (section == Section::None) {
      error(number, "a line outside a section; start with [people]");
      return;
    }
    auto cells = split_csv(text);
    if (!cells) {
      error(number, cells.error());
      return;
    }
    if (columns.empty()) {
      header(number, *cells);
      if (columns.empty()) section = Section::None;  // the section's lines cannot be read
      return;
    }
    if (cells->size() != columns.size()) {
      error(number, "expected " + std::to_string(columns.size()) + " values, found " +
                        std::to_string(cells->size()));
      return;
    }
    if (section == Section::Units) {
      unit(number, *cells);
    } else if (section == Section::People) {
      person(number, *cells);
    } else {
      deputy(number, *cells);
    }
  }

  // A unit named by a line: known in [units], or an error on that line.
  void known_unit(std::size_t line, const std::string& id, const std::string& what) {
    if (!id.empty() && !unit_line.contains(id))
      error(line, what + " '" + id + "', which is not in [units]");
  }

  void finish() {
    for (const engine::Unit& u : directory.units) {
      const std::size_t line = unit_line.at(u.id);
      known_unit(line, u.parent, "unit '" + u.id + "' is under");
      if (!u.head.empty() && !person_line.contains(u.head))
        error(line, "unit '" + u.id + "' is headed by '" + u.head + "', who is not in [people]");
      if (u.parent == u.id) error(line, "unit '" + u.id + "' cannot be under itself");
    }
    // A unit above itself: follow the parents from each unit.
    std::map<std::string, const engine::Unit*> by_id;
    for (const engine::Unit& u : directory.units) by_id.emplace(u.id, &u);
    for (const engine::Unit& u : directory.units) {
      const engine::Unit* up = &u;
      for (std::size_t steps = 0; up != nullptr && steps <= by_id.size(); ++steps) {
        auto next = by_id.find(up->parent);
        up = next == by_id.end() ? nullptr : next->second;
        if (up == &u && u.parent != u.id) {
          error(unit_line.at(u.id), "unit '" + u.id + "' is above itself: its parents go round");
          break;
        }
      }
    }
    for (const store::Person& p : directory.people) {
      const std::size_t line = person_line.at(p.id);
      known_unit(line, p.unit, "'" + p.id + "' is in unit");
      for (const std::string& r : p.roles) {
        const std::size_t at = r.find('@');
        if (at != std::string::npos && at + 1 < r.size())
          known_unit(line, r.substr(at + 1), "'" + p.id + "' holds '" + r.substr(0, at) + "' in");
      }
    }
    for (const PendingDeputy& d : deputies) {
      for (const std::string* who : {&d.deputy, &d.for_user}) {
        if (!who->empty() && !person_line.contains(*who))
          error(d.line, "'" + *who + "' is not in [people]");
      }
    }
  }
};

}  // namespace

std::expected<ParsedDirectory, std::vector<std::string>> parse_directory(const std::string& path,
                                                                         std::string_view text) {
  Parser parser;
  parser.path = path;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a spreadsheet's BOM
  if (auto bad = base::find_invalid_utf8(text)) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < *bad; ++i) line += text[i] == '\n' ? 1 : 0;
    return std::unexpected(std::vector<std::string>{path + ":" + std::to_string(line) +
                                                    ": not UTF-8 text (save the file as UTF-8)"});
  }
  std::size_t number = 1;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    parser.line(number++, text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  parser.finish();
  if (!parser.errors.empty()) return std::unexpected(std::move(parser.errors));
  if (parser.directory.people.empty())
    return std::unexpected(std::vector<std::string>{path + ": no people ([people] section)"});
  ParsedDirectory out;
  out.directory = std::move(parser.directory);
  out.person_line = std::move(parser.person_line);
  return out;
}

}  // namespace dojang::app
