// Diagnostics as JSON (for `--json`), produced with Boost.JSON.

#include <algorithm>
#include <boost/json.hpp>

#include "dojang/dsl/diagnostic.hpp"
#include "dojang/dsl/text_width.hpp"

namespace dojang::dsl {

namespace {

boost::json::string json_text(std::string_view s) {
  return boost::json::string(replace_invalid_utf8(s));
}

}  // namespace

std::string to_json(const SourceFile& file, const std::vector<Diagnostic>& ds) {
  const std::size_t size = file.text().size();
  boost::json::array out;
  out.reserve(ds.size());
  for (const Diagnostic& d : ds) {
    const auto start = static_cast<std::uint32_t>(std::min<std::size_t>(d.offset, size));
    const auto stop =
        static_cast<std::uint32_t>(std::min<std::size_t>(std::size_t{d.offset} + d.length, size));
    const SourceFile::Position begin = file.position(start);
    const SourceFile::Position end = file.position(stop);

    boost::json::array notes;
    notes.reserve(d.notes.size());
    for (const std::string& note : d.notes) notes.emplace_back(json_text(note));

    boost::json::object o;
    o["file"] = json_text(file.path());
    o["line"] = begin.line;
    o["column"] = begin.column;
    o["end_line"] = end.line;
    o["end_column"] = end.column;
    o["severity"] = severity_name(d.severity);
    o["message"] = json_text(d.message);
    o["notes"] = std::move(notes);
    out.emplace_back(std::move(o));
  }
  return boost::json::serialize(out);
}

}  // namespace dojang::dsl
