#pragma once
// Shared configuration of the Spirit X3 grammar: iterator, skipper, context, position
// annotation, nesting limits and the small hand-written primitives (identifier, string).

#include <boost/spirit/home/x3.hpp>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dojang/dsl/ast.hpp"

namespace dojang::dsl::grammar {

namespace x3 = boost::spirit::x3;

using iterator_type = const char*;

inline constexpr int kMaxNesting = 64;               // brackets, `not`, unary minus, if-then-else
inline constexpr std::uint32_t kMaxExprDepth = 256;  // the tree depth of one expression
inline constexpr std::size_t kMaxIdentifier = 64;

// The expression nodes of one parse, with their texts and child lists: bump-allocated in
// blocks and freed together when the last pointer that owns the arena goes (lexical.cpp).
// ast::Expr is trivially destructible, so nothing is destroyed node by node.
//
// Ownership: the parser hands out ExprPtrs that share the ownership of the arena (the root of
// each expression: a guard, a let's value, a cell...); the children in an Expr's `args` are
// plain pointers into the arena. A child is therefore valid as long as some root of the same
// parse lives (the syntax tree holds them all). This keeps building and freeing a tree free of
// allocations and reference counts per node.
class ExprArena {
 public:
  ExprArena() = default;
  ExprArena(const ExprArena&) = delete;
  ExprArena& operator=(const ExprArena&) = delete;
  ~ExprArena();

  // A default-constructed node that lives as long as the arena.
  [[nodiscard]] ast::Expr* make() {
    return new (allocate(sizeof(ast::Expr), alignof(ast::Expr))) ast::Expr();
  }
  // A copy of `text` that lives as long as the arena.
  [[nodiscard]] std::string_view keep(std::string_view text) {
    if (text.empty()) return {};
    auto* const out = static_cast<char*>(allocate(text.size(), 1));
    std::memcpy(out, text.data(), text.size());
    return {out, text.size()};
  }
  // A copy of the child list `args`.
  [[nodiscard]] std::span<const ast::Expr* const> keep(std::span<const ast::Expr* const> args);
  // An empty list of weights that lives as long as the arena.
  [[nodiscard]] std::vector<ast::Weight>& new_weights();

 private:
  // `align` is a power of two, at most alignof(std::max_align_t).
  [[nodiscard]] void* allocate(std::size_t size, std::size_t align) {
    auto const at = reinterpret_cast<std::uintptr_t>(m_next);
    std::size_t const pad = (0 - at) & (align - 1);
    if (m_next != nullptr && pad + size <= static_cast<std::size_t>(m_end - m_next)) {
      std::byte* const out = m_next + pad;
      m_next = out + size;
      return out;
    }
    return allocate_slow(size);
  }
  [[nodiscard]] void* allocate_slow(std::size_t size);
  static constexpr std::size_t kBlock = 32 * 1024;  // bytes per allocation
  std::vector<std::byte*> m_blocks;
  std::byte* m_next = nullptr;  // free space in the last block: [m_next, m_end)
  std::byte* m_end = nullptr;
  std::vector<std::unique_ptr<std::vector<ast::Weight>>> m_weights;
};

// Per-parse state, reached through the X3 context.
struct ParseState {
  const char* begin = nullptr;
  int nesting = 0;
  std::shared_ptr<ExprArena> arena;  // made with the first expression node

  // A new node in the arena, not owning it: for a node that goes into a parent's args.
  std::shared_ptr<ast::Expr> new_expr() {
    return {std::shared_ptr<ast::Expr>(), the_arena().make()};
  }
  // `e` (a node of the arena), owning the arena: for a root handed to the rest of the tree.
  [[nodiscard]] std::shared_ptr<ast::Expr> owning(const std::shared_ptr<ast::Expr>& e) const {
    return {arena, e.get()};
  }
  ExprArena& the_arena() {
    if (!arena) arena = std::make_shared<ExprArena>();
    return *arena;
  }
  // The weights of the `weighted` expression being parsed (they do not nest).
  std::vector<ast::Weight>* weights = nullptr;
  // Byte ranges [first, second) of the `#` comments passed so far, in order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> comments;

  void note_comment(const char* from, const char* to) {
    auto const at = static_cast<std::uint32_t>(from - begin);
    if (comments.empty() || comments.back().first < at) {
      comments.emplace_back(at, static_cast<std::uint32_t>(to - begin));
    }
  }

  // X3 primitives skip blanks and comments before they try, and a failed try does not give
  // them back: the end of a match can lie past trailing blanks and comments. This is the end
  // of its last token.
  [[nodiscard]] const char* token_end(const char* start, const char* end) const;
};

struct parse_state_tag;

// A refusal with a message of our own (limits, malformed literals), thrown from inside the
// grammar and turned into a diagnostic by dsl::parse.
struct SyntaxError {
  const char* where;
  std::uint32_t length;
  std::string message;
};

// Whitespace (ASCII) and `#` comments up to the end of the line. It notes each comment it
// passes in the parse state (for ParseState::token_end); a skipper is made for each parse.
// Every primitive calls it before it tries: the test for "nothing to skip" is inline, the
// skipping itself is not. One call skips everything, so it reports false (X3 calls a skipper
// until it reports false).
struct skipper_parser : x3::parser<skipper_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  ParseState* state = nullptr;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    if (first != last && (static_cast<unsigned char>(*first) <= ' ' || *first == '#')) {
      first = skip(first, last);
    }
    return false;
  }
  // Past the blanks and comments at `first` (lexical.cpp).
  [[nodiscard]] const char* skip(const char* first, const char* last) const;
};
using skipper_type = skipper_parser;

using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
using context_type =
    x3::context<parse_state_tag, std::reference_wrapper<ParseState>, phrase_context_type>;

template <typename Ctx>
ParseState& state_of(Ctx const& ctx) {
  return x3::get<parse_state_tag>(ctx).get();
}

// Rule IDs deriving from this record the byte range of their (ast::Node-derived) attribute.
struct annotate {
  template <typename T, typename It, typename Ctx>
  void on_success(It const& first, It const& last, T& node, Ctx const& ctx) const {
    if constexpr (std::is_base_of_v<ast::Node, T>) {
      node.offset = static_cast<std::uint32_t>(first - state_of(ctx).begin);
      node.length = static_cast<std::uint32_t>(last - first);
    }
  }
};

inline bool is_ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool is_ident_char(char c) {
  return is_ident_start(c) || (c >= '0' && c <= '9');
}
inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_reserved(std::string_view word);

// Refuses an identifier longer than the limit (a syntax error at `first`).
inline void check_identifier_length(const char* first, std::string_view word) {
  if (word.size() > kMaxIdentifier) {
    throw SyntaxError{first, static_cast<std::uint32_t>(word.size()),
                      "identifier is " + std::to_string(word.size()) +
                          " characters long; at most " + std::to_string(kMaxIdentifier) +
                          " are allowed"};
  }
}

// An identifier that is not a reserved word. Attribute: std::string.
struct identifier_parser : x3::parser<identifier_parser> {
  using attribute_type = std::string;
  static bool const has_attribute = true;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    if (first == last || !is_ident_start(*first)) return false;
    It i = first;
    while (i != last && is_ident_char(*i)) ++i;
    std::string_view word(first, static_cast<std::size_t>(i - first));
    if (is_reserved(word)) return false;
    check_identifier_length(&*first, word);
    x3::traits::move_to(std::string(word), attr);
    first = i;
    return true;
  }
};
inline constexpr identifier_parser identifier{};

// A keyword: the word followed by a character that cannot continue an identifier.
struct keyword_parser : x3::parser<keyword_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::string_view word;
  constexpr explicit keyword_parser(std::string_view w) : word(w) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    auto const n = static_cast<std::ptrdiff_t>(word.size());
    if (last - first < n) return false;
    for (std::ptrdiff_t i = 0; i < n; ++i) {
      if (first[i] != word[static_cast<std::size_t>(i)]) return false;
    }
    if (last - first > n && is_ident_char(first[n])) return false;
    first += n;
    return true;
  }
};
constexpr keyword_parser kw(std::string_view w) {
  return keyword_parser(w);
}

// "text" with escapes \" \\ \n \t; any UTF-8 inside (validated before parsing). Attribute:
// the unescaped content.
struct string_parser : x3::parser<string_parser> {
  using attribute_type = std::string;
  static bool const has_attribute = true;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    if (first == last || *first != '"') return false;
    std::string out;
    for (It i = first + 1; i != last; ++i) {
      char const c = *i;
      if (c == '"') {
        x3::traits::move_to(std::move(out), attr);
        first = i + 1;
        return true;
      }
      if (c == '\n') break;
      if (c == '\\') {
        if (i + 1 == last) break;
        char const e = *++i;
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          default:
            throw SyntaxError{
                i - 1, 2,
                std::string("unknown escape '\\") + e + "' in text; use \\\" \\\\ \\n or \\t"};
        }
        continue;
      }
      out += c;
    }
    throw SyntaxError{first, 1, "text is not closed: a '\"' is missing before the end of the line"};
  }
};
inline constexpr string_parser quoted{};

// Guards a recursive construct: more than kMaxNesting levels is refused with a diagnostic.
template <typename Subject>
struct nesting_directive : x3::unary_parser<Subject, nesting_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, nesting_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr nesting_directive(Subject const& s) : base_type(s) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    ParseState& st = state_of(ctx);
    if (st.nesting >= kMaxNesting) {
      x3::skip_over(first, last, ctx);
      throw SyntaxError{
          first, 1,
          "expression is nested more than " + std::to_string(kMaxNesting) + " levels deep"};
    }
    ++st.nesting;
    bool const ok = this->subject.parse(first, last, ctx, rctx, attr);
    --st.nesting;
    return ok;
  }
};
struct nesting_gen {
  template <typename Subject>
  constexpr nesting_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& subject) const {
    return {x3::as_parser(subject)};
  }
};
inline constexpr nesting_gen nested{};

// Records the byte range matched by the subject in the enclosing rule's value (an ast::Node).
// (A rule's on_success handler cannot do it: X3 hands it no attribute when the rule's
// definition has semantic actions.)
template <typename Subject>
struct located_directive : x3::unary_parser<Subject, located_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, located_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr located_directive(Subject const& s) : base_type(s) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It const start = first;
    if (!this->subject.parse(first, last, ctx, rctx, attr)) return false;
    ast::Node* node = nullptr;
    if constexpr (std::is_base_of_v<ast::Node, RCtx>) {
      node = &rctx;
    } else if constexpr (std::is_same_v<RCtx, std::shared_ptr<ast::Expr>>) {
      node = rctx.get();
    }
    if (node) {
      ParseState const& st = state_of(ctx);
      node->offset = static_cast<std::uint32_t>(start - st.begin);
      node->length = static_cast<std::uint32_t>(st.token_end(start, first) - start);
    }
    return true;
  }
};
struct located_gen {
  template <typename Subject>
  constexpr located_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& subject) const {
    return {x3::as_parser(subject)};
  }
};
inline constexpr located_gen located{};

// Semantic-action helpers.
template <typename M>
auto set(M member) {
  return [member](auto& ctx) { x3::_val(ctx).*member = std::move(x3::_attr(ctx)); };
}
template <typename M>
auto push(M member) {
  return [member](auto& ctx) { (x3::_val(ctx).*member).push_back(std::move(x3::_attr(ctx))); };
}
template <typename M>
auto flag(M member) {
  return [member](auto& ctx) { x3::_val(ctx).*member = true; };
}
inline auto const assign = [](auto& ctx) { x3::_val(ctx) = std::move(x3::_attr(ctx)); };

}  // namespace dojang::dsl::grammar
