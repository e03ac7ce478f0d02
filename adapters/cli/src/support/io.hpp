#pragma once
// The command's file and terminal I/O: reading sources, replacing files atomically, printing.

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

namespace dojang::cli {

// The whole file as bytes, or a message such as
// "cannot read 'x.flow': No such file or directory".
[[nodiscard]] std::expected<std::string, std::string> read_file(const std::string& path);

// Replaces the content of an existing file without a moment where it is half written: writes a
// temporary file in the same directory, flushes it to disk and renames it over the original. The
// file keeps its permissions; a symbolic link keeps pointing where it pointed (its target is
// replaced). On failure the original is untouched and the message says why.
[[nodiscard]] std::expected<void, std::string> write_file_atomically(const std::string& path,
                                                                     std::string_view text);

// Text as is on stdout / stderr (no newline added; UTF-8 passes through untouched).
void print_out(std::string_view text);
void print_err(std::string_view text);

// "dojang: <message>\n" on stderr.
void print_error(std::string_view message);

// "1 error", "2 errors".
[[nodiscard]] std::string count_of(std::size_t n, std::string_view noun);

}  // namespace dojang::cli
