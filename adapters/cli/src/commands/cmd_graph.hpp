#pragma once
// `dojang graph FILE [--format dot|mermaid]`: the procedure as a diagram.

#include <string>

#include "support/exit_code.hpp"
#include "support/global_options.hpp"

namespace CLI {
class App;
}

namespace dojang::cli {

struct GraphOptions {
  std::string file;
  std::string format = "dot";  // "dot" (Graphviz) or "mermaid"
};

// Registers the command on `app`; `options` is filled in when it is parsed.
CLI::App* add_graph_command(CLI::App& app, GraphOptions& options);

// The diagram on stdout (warnings on stderr). Exit 1, with the diagnostics, when the file does
// not compile; 2 when it cannot be read.
[[nodiscard]] ExitCode run_graph(const GraphOptions& options, const GlobalOptions& global);

}  // namespace dojang::cli
