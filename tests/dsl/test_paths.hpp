#pragma once
// Where the DSL tests find their inputs, and small file helpers shared by the DSL suites.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace dojang::dsl::test {

// tests/dsl/golden: NN_name.flow with its expected diagnostics in NN_name.diag.
inline std::filesystem::path golden_dir() {
  return std::filesystem::path(DOJANG_TEST_DIR) / "dsl" / "golden";
}

// workflows/: the procedures shipped with the project.
inline std::filesystem::path workflows_dir() {
  return std::filesystem::path(DOJANG_SOURCE_DIR) / "workflows";
}

// The bytes of a file, exactly (binary mode); empty when it cannot be read.
inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline bool write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  return static_cast<bool>(out);
}

// Every file of `dir` whose name ends in `extension` (e.g. ".flow"), sorted by name.
inline std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir,
                                                   const std::string& extension) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (auto const& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace dojang::dsl::test
