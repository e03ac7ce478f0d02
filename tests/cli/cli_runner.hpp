#pragma once
// Running the real `dojang` binary from the tests, and scratch directories for its files.

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace dojang::cli::test {

namespace fs = std::filesystem;

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// A fresh directory under the system temp directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    auto const stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    m_path = fs::temp_directory_path() / ("dojang-cli-test-" + std::to_string(::getpid()) + "-" +
                                          std::to_string(counter++) + "-" + std::to_string(stamp));
    fs::create_directories(m_path);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }

  [[nodiscard]] const fs::path& path() const { return m_path; }

  // Writes `text` to `name` in this directory and returns the full path.
  fs::path write(const std::string& name, const std::string& text) const {
    fs::path const p = m_path / name;
    write_text(p, text);
    return p;
  }

 private:
  fs::path m_path;
};

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

struct Outcome {
  int exit_code = -1;
  std::string out, err;
};

// Runs `program args...` through the shell with stdout and stderr captured in files. The
// program runs in the default office zone (Asia/Seoul): a DOJANG_ZONE of the one running the
// tests is not passed on (a test that wants one sets it with `env DOJANG_ZONE=...`).
inline Outcome run_program(const std::string& program, const std::vector<std::string>& args) {
  ::unsetenv("DOJANG_ZONE");
  TempDir capture;
  fs::path const out = capture.path() / "stdout";
  fs::path const err = capture.path() / "stderr";
  std::string command = shell_quote(program);
  for (const std::string& a : args) command += " " + shell_quote(a);
  command += " </dev/null >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string());
  int const status = std::system(command.c_str());
  Outcome run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = read_text(out);
  run.err = read_text(err);
  return run;
}

inline Outcome dojang(const std::vector<std::string>& args) {
  return run_program(DOJANG_BINARY, args);
}

inline fs::path source_dir() {
  return fs::path(DOJANG_SOURCE_DIR);
}

// Every .flow file in workflows/, sorted.
inline std::vector<fs::path> workflow_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(source_dir() / "workflows")) {
    if (entry.path().extension() == ".flow") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A JSON string's text, for comparisons (boost::json::string does not compare with std::string).
inline std::string json_text(const boost::json::value& v) {
  return v.is_string() ? std::string(v.get_string()) : "not a string: " + boost::json::serialize(v);
}

// The lines of a text, without their "\n".
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace dojang::cli::test
