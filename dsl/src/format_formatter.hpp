#pragma once
// The walk over the tree that produces the canonical lines (format.cpp: the procedure and its
// top-level groups; format_states.cpp: states and what they contain).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/dsl/ast.hpp"
#include "format_detail.hpp"

namespace dojang::dsl::detail {

// `text` followed by blanks up to `width` terminal columns.
[[nodiscard]] std::string pad(std::string text, std::size_t width);

class Formatter {
 public:
  explicit Formatter(std::string_view source) : m_source(source), m_scan(source) {}

  [[nodiscard]] std::string run(const ast::Workflow& workflow);

 private:
  // Top-level groups.
  void roles(const std::vector<const ast::Role*>& roles);
  void fields(const std::vector<const ast::Field*>& fields);
  void let(const ast::Let& let);
  void table(const ast::Table& table);
  void start(const ast::Name& target);
  // States (format_states.cpp).
  void state(const ast::State& state);
  void finals(const std::vector<const ast::State*>& finals);
  void action(const ast::Action& action, int indent);
  void timer(const ast::Timer& timer, int indent);
  void review(const ast::Review& review, int indent);
  void routes(const std::vector<ast::Route>& routes, int indent);
  void rank(const ast::Rank& rank, int indent);

  // Anchors: a node's own range; a header from `begin` to the `{` found among the `within`
  // tokens at or after `after`; a closing `}` as the last byte of a node.
  [[nodiscard]] Anchor node(const ast::Node& n) const { return Anchor{n.offset, end_of(n.end())}; }
  // The end of the last token before `end`: a node's range may run over the blanks and comments
  // that follow it (the parser skips them while looking for more).
  [[nodiscard]] std::uint32_t end_of(std::uint32_t end) const;
  [[nodiscard]] std::optional<Anchor> header(std::uint32_t begin, std::uint32_t after,
                                             std::size_t within) const;
  [[nodiscard]] std::optional<Anchor> closing(const ast::Node& n) const;
  // A closing line: `}` at `indent`.
  void close(int indent, std::optional<Anchor> anchor);

  std::string_view m_source;
  SourceScan m_scan;
  LineWriter m_out;
};

}  // namespace dojang::dsl::detail
