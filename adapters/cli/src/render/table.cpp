#include "render/table.hpp"

#include <algorithm>
#include <cstddef>

#include "dojang/base/utf8.hpp"

namespace dojang::cli {
namespace {

// Control characters (a newline in a comment) would break the layout: shown as spaces.
std::string one_line(const std::string& cell) {
  std::string out = base::replace_invalid_utf8(cell);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return out;
}

}  // namespace

Table::Table(std::vector<std::string> headers) : m_headers(std::move(headers)) {}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(m_headers.size());
  for (std::string& cell : cells) cell = one_line(cell);
  m_rows.push_back(std::move(cells));
}

std::string Table::render() const {
  std::vector<std::size_t> widths(m_headers.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i)
      widths[i] = std::max(widths[i], base::display_width(row[i]));
  };
  measure(m_headers);
  for (const auto& row : m_rows) measure(row);

  std::string out;
  auto line = [&](const std::vector<std::string>& row) {
    std::string text;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) text += "  ";
      text += row[i];
      if (i + 1 < row.size()) text.append(widths[i] - base::display_width(row[i]), ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  line(m_headers);
  for (const auto& row : m_rows) line(row);
  return out;
}

}  // namespace dojang::cli
