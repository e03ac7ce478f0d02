// Compiler-style rendering of diagnostics: header, source line, caret line, notes.

#include <algorithm>
#include <string>

#include "dojang/dsl/diagnostic.hpp"
#include "dojang/dsl/text_width.hpp"

namespace dojang::dsl {

namespace {

constexpr std::size_t kTabStop = 4;
constexpr std::size_t kMinGutterDigits = 4;  // like clang: "   12 | "
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

// The source line as printed (tabs expanded, unprintable units replaced) and the caret line.
struct Snippet {
  std::string source;
  std::string caret;
};

// `begin` and `end` are byte indices into `line`, clamped to its size, begin <= end.
Snippet make_snippet(std::string_view line, std::size_t begin, std::size_t end) {
  Snippet out;
  std::size_t column = 0;
  std::size_t caret_column = 0;
  bool caret_found = false;
  std::size_t underline = 0;
  for (std::size_t i = 0; i < line.size();) {
    const Utf8Unit u = decode_utf8(line, i);
    std::size_t width = 1;
    if (u.valid && u.code_point == U'\t') {
      width = kTabStop - column % kTabStop;
      out.source.append(width, ' ');
    } else if (!u.valid || is_control(u.code_point)) {
      out.source.append(kReplacement);
    } else {
      width = code_point_width(u.code_point);
      out.source.append(line.substr(i, u.length));
    }
    const std::size_t next = i + u.length;
    if (!caret_found && begin < next) {
      caret_found = true;
      caret_column = column;
    }
    if (begin < end && i < end && next > begin) underline += width;
    column += width;
    i = next;
  }
  if (!caret_found) caret_column = column;  // at the end of the line
  out.caret.assign(caret_column, ' ');
  out.caret += '^';
  if (underline > 1) out.caret.append(underline - 1, '~');
  return out;
}

}  // namespace

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

std::string render(const SourceFile& file, const Diagnostic& d) {
  const std::size_t size = file.text().size();
  const std::size_t start = std::min<std::size_t>(d.offset, size);
  const std::size_t stop = std::min<std::size_t>(std::size_t{d.offset} + d.length, size);
  const SourceFile::Position pos = file.position(static_cast<std::uint32_t>(start));
  const std::string_view line = file.line_text(pos.line);
  const std::size_t line_start = file.line_offset(pos.line);
  const std::size_t begin = std::min(start - line_start, line.size());
  const std::size_t end = std::clamp(stop - std::min(stop, line_start), begin, line.size());
  const Snippet snippet = make_snippet(line, begin, end);

  std::string out = file.path();
  out += ':' + std::to_string(pos.line) + ':' + std::to_string(pos.column) + ": ";
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  out += '\n';

  const std::string number = std::to_string(pos.line);
  const std::size_t digits = std::max(kMinGutterDigits, number.size());
  out += ' ';
  out.append(digits - number.size(), ' ');
  out += number;
  out += snippet.source.empty() ? " |" : " | ";
  out += snippet.source;
  out += '\n';
  out.append(digits + 1, ' ');
  out += " | ";
  out += snippet.caret;
  out += '\n';

  for (const std::string& note : d.notes) {
    out += "note: ";
    out += note;
    out += '\n';
  }
  return out;
}

std::string render_all(const SourceFile& file, std::vector<Diagnostic> ds) {
  std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.offset != b.offset) return a.offset < b.offset;
    return a.severity < b.severity;
  });
  std::string out;
  for (const Diagnostic& d : ds) out += render(file, d);
  return out;
}

std::size_t error_count(const std::vector<Diagnostic>& ds) {
  return static_cast<std::size_t>(std::count_if(
      ds.begin(), ds.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

bool has_errors(const std::vector<Diagnostic>& ds) {
  return error_count(ds) > 0;
}

}  // namespace dojang::dsl
