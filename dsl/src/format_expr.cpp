// Printing expressions, cells and types in their canonical spelling.

#include <charconv>
#include <span>
#include <string>

#include "format_detail.hpp"

namespace dojang::dsl::detail {

namespace {

using ast::Expr;
using ast::ExprKind;

// Precedence levels, lowest first, as in grammar/expression.cpp.
enum Level : int {
  kIf = 0,
  kOr = 1,
  kAnd = 2,
  kNot = 3,
  kCompare = 4,
  kAdd = 5,
  kMultiply = 6,
  kNegate = 7,
  kPrimary = 8,
};

int binary_level(std::string_view op) {
  if (op == "or") return kOr;
  if (op == "and") return kAnd;
  if (op == "+" || op == "-") return kAdd;
  if (op == "*" || op == "/") return kMultiply;
  return kCompare;  // == != < <= > >= in
}

int level_of(const Expr& e) {
  switch (e.kind) {
    case ExprKind::If:
      return kIf;
    case ExprKind::Binary:
      return binary_level(e.text);
    case ExprKind::Unary:
      return e.text == "not" ? kNot : kNegate;
    default:
      return kPrimary;
  }
}

bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  auto const start = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  };
  if (!start(s[0])) return false;
  for (char c : s) {
    if (!start(c) && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

// A whole number held in a double, without exponent or fraction.
std::string whole(double n) {
  char buf[400];
  auto const r = std::to_chars(buf, buf + sizeof buf, n, std::chars_format::fixed, 0);
  return std::string(buf, r.ptr);
}

std::string arguments(std::span<const Expr* const> args) {
  std::string out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0) out += ", ";
    out += print_expr(*args[i]);
  }
  return out;
}

std::string print_bare(const Expr& e) {
  std::string const text(e.text);
  switch (e.kind) {
    case ExprKind::Number:
      return text;
    case ExprKind::String:
      return quote(e.text);
    case ExprKind::Bool:
      return e.flag ? "true" : "false";
    case ExprKind::Null:
      return "null";
    case ExprKind::Date:
      return text;
    case ExprKind::Duration:
      return std::to_string(e.count) + text;
    case ExprKind::Ref:
      return e.member.empty() ? text : text + "." + std::string(e.member);
    case ExprKind::Call:
      return text + "(" + arguments(e.args) + ")";
    case ExprKind::Unary: {
      if (e.args.empty()) return text;
      if (e.text == "not") return "not " + print_expr(*e.args[0], kNot);
      std::string operand = print_expr(*e.args[0], kNegate);
      // `- -x`, not `--x`
      return (operand.starts_with('-') ? "- " : "-") + operand;
    }
    case ExprKind::Binary: {
      if (e.args.size() != 2) return text;
      int const level = binary_level(e.text);
      // Left-associative levels take their own level on the left and one more on the right;
      // comparisons do not chain, so both sides are one level up.
      int const left = level == kCompare ? kAdd : level;
      int const right = level == kCompare ? kAdd : level + 1;
      return print_expr(*e.args[0], left) + " " + text + " " + print_expr(*e.args[1], right);
    }
    case ExprKind::If:
      if (e.args.size() != 3) return "if";
      // A nested `if` as the condition or the `then` branch is bracketed for the reader; an
      // `else if` chain is not.
      return "if " + print_expr(*e.args[0], kOr) + " then " + print_expr(*e.args[1], kOr) +
             " else " + print_expr(*e.args[2], kIf);
    case ExprKind::List:
      return "[" + arguments(e.args) + "]";
    case ExprKind::Weighted: {
      std::string out = "weighted { ";
      for (std::size_t i = 0; i < e.weights.size(); ++i) {
        if (i > 0) out += ", ";
        out += e.weights[i].name.text + ": " + e.weights[i].weight_text;
      }
      return out + " }";
    }
    case ExprKind::Approve:
      if (e.text == "all" || e.text == "any") return text + " approve";
      return whole(e.number) + " of " + std::to_string(e.count) + " approve";
  }
  return text;
}

// True when `text` ends with a bare name (not `x.member`, not a keyword or a literal): a `..`
// after it would be read as the start of `.member`.
bool ends_with_bare_name(std::string_view text) {
  std::size_t i = text.size();
  auto const word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  while (i > 0 && word_char(text[i - 1])) --i;
  std::string_view const word = text.substr(i);
  if (word.empty() || (word[0] >= '0' && word[0] <= '9')) return false;
  if (word == "true" || word == "false" || word == "null" || word == "approve") return false;
  return i == 0 || text[i - 1] != '.';
}

}  // namespace

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

std::string print_expr(const Expr& e, int min_level) {
  std::string text = print_bare(e);
  return level_of(e) < min_level ? "(" + text + ")" : text;
}

std::string print_cell(const ast::Cell& cell) {
  using Kind = ast::Cell::Kind;
  // A value that starts with `-` and no digit would be read as the `-` cell.
  auto const value = [](const ast::ExprPtr& e, bool before_range) {
    if (!e) return std::string("null");
    std::string text = print_expr(*e);
    bool const dash =
        text.starts_with('-') && !(text.size() > 1 && text[1] >= '0' && text[1] <= '9');
    if (dash || (before_range && ends_with_bare_name(text))) return "(" + text + ")";
    return text;
  };
  switch (cell.kind) {
    case Kind::Any:
      return "-";
    case Kind::Compare:
      return cell.op + " " + (cell.a ? print_expr(*cell.a) : "null");
    case Kind::Range:
      return value(cell.a, true) + " " + cell.op + " " + value(cell.b, false);
    case Kind::In:
      return "in " + (cell.a ? print_expr(*cell.a) : "[]");
    case Kind::Equal:
      return value(cell.a, false);
  }
  return "-";
}

std::string print_type(const ast::TypeSpec& type, std::string_view source) {
  switch (type.kind) {
    case ast::TypeKind::Text:
      return "text";
    case ast::TypeKind::Number:
      return "number";
    case ast::TypeKind::Count:
      return "count";
    case ast::TypeKind::Money:
      return "money";
    case ast::TypeKind::Bool:
      return "bool";
    case ast::TypeKind::Date:
      return "date";
    case ast::TypeKind::Person:
      return "person";
    case ast::TypeKind::Unit:
      return "unit";
    case ast::TypeKind::Score:
      return "score " + type.lo_text + ".." + type.hi_text;
    case ast::TypeKind::OneOf: {
      std::string out = "one_of(";
      for (std::size_t i = 0; i < type.values.size(); ++i) {
        ast::Name const& v = type.values[i];
        if (i > 0) out += ", ";
        bool const quoted =
            (v.offset < source.size() && source[v.offset] == '"') || !is_identifier(v.text);
        out += quoted ? quote(v.text) : v.text;
      }
      return out + ")";
    }
  }
  return "text";
}

}  // namespace dojang::dsl::detail
