// `dojang graph`: DOT that Graphviz accepts, Mermaid, JSON, and no diagram for a broken file.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <boost/json.hpp>

#include "cli/cli_runner.hpp"
#include "dojang/dsl/compile.hpp"

namespace dojang::cli::test {
namespace {

fs::path innovation_task() {
  return source_dir() / "workflows" / "innovation_task.flow";
}

// A state label of the procedure, read from the compiled definition (not hard-coded), that
// contains Korean.
std::string korean_state_label(const fs::path& file) {
  auto result = dsl::compile(dsl::SourceFile(file.string(), read_text(file)));
  if (!result.definition) return "";
  for (const auto& state : result.definition->states) {
    // Hangul syllables (U+AC00..U+D7A3) start with the bytes 0xEA..0xED in UTF-8.
    if (std::ranges::any_of(state.label, [](char c) {
          auto const b = static_cast<unsigned char>(c);
          return b >= 0xEA && b <= 0xED;
        })) {
      return state.label;
    }
  }
  return "";
}

TEST(Graph, DotIsAcceptedByGraphvizAndKeepsKoreanLabels) {
  for (const fs::path& file : workflow_files()) {
    SCOPED_TRACE(file.string());
    Outcome const run = dojang({"graph", file.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_NE(run.out.find("digraph"), std::string::npos) << run.out;
    std::string const label = korean_state_label(file);
    ASSERT_FALSE(label.empty());
    EXPECT_NE(run.out.find(label), std::string::npos) << label << "\n" << run.out;

    TempDir dir;
    fs::path const dot = dir.write("graph.dot", run.out);
    fs::path const svg = dir.path() / "graph.svg";
    Outcome const graphviz = run_program("dot", {"-Tsvg", dot.string(), "-o", svg.string()});
    EXPECT_EQ(graphviz.exit_code, 0) << graphviz.err;
    EXPECT_EQ(graphviz.err, "");  // not even a warning
    std::string const picture = read_text(svg);
    EXPECT_NE(picture.find("<svg"), std::string::npos);
    EXPECT_NE(picture.find(label), std::string::npos) << label;
  }
}

TEST(Graph, FormatDotIsTheDefault) {
  Outcome const implicit = dojang({"graph", innovation_task().string()});
  Outcome const explicit_dot = dojang({"graph", innovation_task().string(), "--format", "dot"});
  EXPECT_EQ(explicit_dot.exit_code, 0);
  EXPECT_EQ(implicit.out, explicit_dot.out);
}

TEST(Graph, Mermaid) {
  Outcome const run = dojang({"graph", "--format", "mermaid", innovation_task().string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.starts_with("flowchart") || run.out.starts_with("stateDiagram")) << run.out;
  EXPECT_NE(run.out.find(korean_state_label(innovation_task())), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("digraph"), std::string::npos);
  Outcome const equals_form = dojang({"graph", "--format=mermaid", innovation_task().string()});
  EXPECT_EQ(equals_form.out, run.out);
}

TEST(Graph, JsonCarriesTheSameDiagram) {
  Outcome const text = dojang({"graph", "--format", "mermaid", innovation_task().string()});
  Outcome const json =
      dojang({"--json", "graph", "--format", "mermaid", innovation_task().string()});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto const doc = boost::json::parse(json.out);
  EXPECT_EQ(json_text(doc.at("file")), innovation_task().string());
  EXPECT_EQ(json_text(doc.at("format")), "mermaid");
  EXPECT_EQ(json_text(doc.at("diagram")), text.out);
}

TEST(Graph, BrokenFileGivesDiagnosticsAndNoDiagram) {
  TempDir dir;
  std::string text = read_text(innovation_task());
  text.replace(text.find("-> city_review"), 14, "-> city_reveiw");
  fs::path const file = dir.write("typo.flow", text);
  Outcome const run = dojang({"graph", file.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find(file.string() + ":"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(": error: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("city_reveiw"), std::string::npos) << run.err;

  Outcome const json = dojang({"graph", "--json", file.string()});
  EXPECT_EQ(json.exit_code, 1);
  auto const doc = boost::json::parse(json.out);
  EXPECT_EQ(doc.at("ok"), false);
  EXPECT_FALSE(doc.as_object().contains("diagram"));
  EXPECT_FALSE(doc.at("diagnostics").as_array().empty());
}

TEST(Graph, TakesExactlyOneFile) {
  Outcome const run = dojang({"graph", innovation_task().string(), innovation_task().string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
}

}  // namespace
}  // namespace dojang::cli::test
