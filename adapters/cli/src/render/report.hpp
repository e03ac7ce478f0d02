#pragma once
// Helpers shared by the commands: loading the named sources, counting and serialising
// diagnostics, printing a JSON document.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "dojang/dsl/diagnostic.hpp"
#include "dojang/dsl/source_file.hpp"

namespace dojang::cli {

// Reads every file named. When some cannot be read, prints "dojang: cannot read ..." for each
// of them and returns nothing (a usage error: no file is looked at until all can be read).
[[nodiscard]] std::optional<std::vector<dsl::SourceFile>> load_sources(
    const std::vector<std::string>& paths);

[[nodiscard]] std::size_t warning_count(const std::vector<dsl::Diagnostic>& ds);

// dsl::to_json's array, as a JSON value to embed in a larger document.
[[nodiscard]] boost::json::value diagnostics_json(const dsl::SourceFile& file,
                                                  const std::vector<dsl::Diagnostic>& ds);

// "2 errors, 1 warning", "1 error", "3 warnings"; "" when there is nothing to count.
[[nodiscard]] std::string diagnostic_counts(const std::vector<dsl::Diagnostic>& ds);

// The document on stdout, followed by a newline. UTF-8 is written as is, not escaped.
void print_json(const boost::json::value& document);

}  // namespace dojang::cli
