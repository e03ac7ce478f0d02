#pragma once
// A plain text table whose columns line up in a terminal, Korean labels included: widths are
// measured in display columns (a Hangul syllable takes two), not in bytes or code points.

#include <string>
#include <vector>

namespace dojang::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> headers);

  // A row with as many cells as there are headers (missing cells are empty, extra ones dropped).
  void add_row(std::vector<std::string> cells);

  [[nodiscard]] bool empty() const { return m_rows.empty(); }

  // The header line and the rows, columns separated by two spaces, each line ending in "\n".
  // The last column is not padded, so no line ends in spaces.
  [[nodiscard]] std::string render() const;

 private:
  std::vector<std::string> m_headers;
  std::vector<std::vector<std::string>> m_rows;
};

}  // namespace dojang::cli
