#pragma once
// What the primitives are called in "expected ..." messages.

#include "grammar/config.hpp"
#include "grammar/expression.hpp"

namespace boost::spirit::x3 {

template <>
struct get_info<dojang::dsl::grammar::keyword_parser> {
  using result_type = std::string;
  std::string operator()(dojang::dsl::grammar::keyword_parser const& p) const {
    return "'" + std::string(p.word) + "'";
  }
};
template <>
struct get_info<dojang::dsl::grammar::identifier_parser> {
  using result_type = std::string;
  std::string operator()(dojang::dsl::grammar::identifier_parser const&) const { return "a name"; }
};
template <>
struct get_info<dojang::dsl::grammar::string_parser> {
  using result_type = std::string;
  std::string operator()(dojang::dsl::grammar::string_parser const&) const {
    return "text in double quotes";
  }
};
template <>
struct get_info<dojang::dsl::grammar::literal_parser> {
  using result_type = std::string;
  std::string operator()(dojang::dsl::grammar::literal_parser const&) const { return "a number"; }
};

// Composite parsers are described by what they start with.
template <typename L, typename R>
struct get_info<sequence<L, R>> {
  using result_type = std::string;
  std::string operator()(sequence<L, R> const& p) const { return what(p.left); }
};
template <typename L, typename R>
struct get_info<expect_directive<sequence<L, R>>> {
  using result_type = std::string;
  std::string operator()(expect_directive<sequence<L, R>> const& p) const {
    return what(p.subject);
  }
};
template <typename L, typename R>
struct get_info<alternative<L, R>> {
  using result_type = std::string;
  std::string operator()(alternative<L, R> const& p) const {
    return what(p.left) + " or " + what(p.right);
  }
};
template <typename L, typename R>
struct get_info<list<L, R>> {
  using result_type = std::string;
  std::string operator()(list<L, R> const& p) const { return what(p.left); }
};
template <typename S>
struct get_info<plus<S>> {
  using result_type = std::string;
  std::string operator()(plus<S> const& p) const { return what(p.subject); }
};
template <typename S, typename A>
struct get_info<action<S, A>> {
  using result_type = std::string;
  std::string operator()(action<S, A> const& p) const { return what(p.subject); }
};
template <typename S>
struct get_info<optional<S>> {
  using result_type = std::string;
  std::string operator()(optional<S> const& p) const { return what(p.subject); }
};
template <typename S>
struct get_info<dojang::dsl::grammar::located_directive<S>> {
  using result_type = std::string;
  std::string operator()(dojang::dsl::grammar::located_directive<S> const& p) const {
    return what(p.subject);
  }
};
template <typename S>
struct get_info<dojang::dsl::grammar::nesting_directive<S>> {
  using result_type = std::string;
  std::string operator()(dojang::dsl::grammar::nesting_directive<S> const& p) const {
    return what(p.subject);
  }
};

}  // namespace boost::spirit::x3
