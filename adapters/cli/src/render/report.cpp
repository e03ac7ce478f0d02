#include "render/report.hpp"

#include <algorithm>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "support/io.hpp"

namespace dojang::cli {

std::optional<std::vector<dsl::SourceFile>> load_sources(const std::vector<std::string>& paths) {
  std::vector<dsl::SourceFile> files;
  bool all_read = true;
  for (const std::string& path : paths) {
    auto text = read_file(path);
    if (!text) {
      print_error(text.error());
      all_read = false;
      continue;
    }
    files.emplace_back(path, std::move(*text));
  }
  if (!all_read) return std::nullopt;
  return files;
}

std::size_t warning_count(const std::vector<dsl::Diagnostic>& ds) {
  return static_cast<std::size_t>(std::ranges::count_if(
      ds, [](const dsl::Diagnostic& d) { return d.severity == dsl::Severity::Warning; }));
}

boost::json::value diagnostics_json(const dsl::SourceFile& file,
                                    const std::vector<dsl::Diagnostic>& ds) {
  return boost::json::parse(dsl::to_json(file, ds));
}

std::string diagnostic_counts(const std::vector<dsl::Diagnostic>& ds) {
  std::size_t const errors = dsl::error_count(ds);
  std::size_t const warnings = warning_count(ds);
  std::string out;
  if (errors > 0) out = count_of(errors, "error");
  if (warnings > 0) out += (out.empty() ? "" : ", ") + count_of(warnings, "warning");
  return out;
}

void print_json(const boost::json::value& document) {
  print_out(boost::json::serialize(document));
  print_out("\n");
}

}  // namespace dojang::cli
