#include "support/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <system_error>

namespace dojang::cli {
namespace {

std::string why(int error) {
  return std::generic_category().message(error);
}

std::string cannot(std::string_view verb, const std::string& path, int error) {
  return "cannot " + std::string(verb) + " '" + path + "': " + why(error);
}

// Closes a descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : m_fd(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (m_fd >= 0) ::close(m_fd);
  }
  [[nodiscard]] int get() const { return m_fd; }
  // Closes now and reports the error close() gave (0 when none).
  [[nodiscard]] int close_now() {
    int const rc = ::close(m_fd);
    m_fd = -1;
    return rc == 0 ? 0 : errno;
  }

 private:
  int m_fd;
};

// Writes all of `text`, retrying short writes; returns 0 or an errno value.
int write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t const n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

}  // namespace

std::expected<std::string, std::string> read_file(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return std::unexpected(cannot("read", path, errno));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return std::unexpected(cannot("read", path, errno));
  if (S_ISDIR(st.st_mode)) return std::unexpected(cannot("read", path, EISDIR));
  std::string text;
  if (S_ISREG(st.st_mode)) text.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[65536];
  for (;;) {
    ssize_t const n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::unexpected(cannot("read", path, errno));
    }
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

std::expected<void, std::string> write_file_atomically(const std::string& path,
                                                       std::string_view text) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target(path);
  if (fs::is_symlink(target, ec)) {
    target = fs::canonical(target, ec);
    if (ec) return std::unexpected(cannot("write", path, ec.value()));
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) return std::unexpected(cannot("write", path, errno));

  fs::path const dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".dojang-XXXXXX")).string();
  Fd fd(::mkstemp(temp.data()));
  if (fd.get() < 0) return std::unexpected(cannot("write", path, errno));
  auto fail = [&](int error) -> std::expected<void, std::string> {
    ::unlink(temp.c_str());
    return std::unexpected(cannot("write", path, error));
  };
  if (::fchmod(fd.get(), st.st_mode & 07777) != 0) return fail(errno);
  if (int const e = write_all(fd.get(), text); e != 0) return fail(e);
  if (::fsync(fd.get()) != 0) return fail(errno);
  if (int const e = fd.close_now(); e != 0) return fail(e);
  if (::rename(temp.c_str(), target.c_str()) != 0) return fail(errno);
  return {};
}

void print_out(std::string_view text) {
  std::cout << text;
}

void print_err(std::string_view text) {
  std::cerr << text;
}

void print_error(std::string_view message) {
  std::cerr << "dojang: " << message << '\n';
}

std::string count_of(std::size_t n, std::string_view noun) {
  std::string out = std::to_string(n) + " " + std::string(noun);
  if (n != 1) out += "s";
  return out;
}

}  // namespace dojang::cli
