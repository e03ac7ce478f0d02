// A decision across a group of items: `rank NAME by ROLE [per FIELD] "label" { ... }`.

#include "grammar/rank.hpp"

#include <algorithm>

#include "grammar/describe.hpp"
#include "grammar/expression.hpp"
#include "grammar/month_day.hpp"
#include "grammar/names.hpp"

namespace dojang::dsl::grammar {

namespace {

using namespace ast;

// Whether `at MM-DD` is a day of the year is the checker's question (it says more).
constexpr month_day_parser<false> month_day_text{};

DOJANG_NAME_RULE(rank_name, "a name for the ranking")
DOJANG_NAME_RULE(rank_role, "a role name")
DOJANG_NAME_RULE(group_field, "a field name")
DOJANG_NAME_RULE(place_field, "a number field")
DOJANG_NAME_RULE(band_state, "a state name")
DOJANG_NAME_RULE(tie_rule, "a tie rule (share, refuse or earliest)")
DOJANG_NAME_RULE(scoring_rule, "what the ranking does while items are scored (refuse or wait)")
#undef DOJANG_NAME_RULE

struct rank_key_class : annotate {};
x3::rule<rank_key_class, RankKey> const rank_key = "an expression to order by";
auto const rank_key_def =
    located[expression[([](auto& ctx) { x3::_val(ctx).expr = std::move(x3::_attr(ctx)); })] >>
            -(kw("desc") | kw("asc")[([](auto& ctx) { x3::_val(ctx).descending = false; })])];

struct rank_order_class : annotate {};
x3::rule<rank_order_class, RankOrder> const rank_order = "order EXPR desc|asc, ...";
auto const rank_order_def = located[kw("order") > (rank_key[push(&RankOrder::keys)] % ',')];

// The count of a band: a whole number (its range is the checker's question).
auto const band_count = [](auto& ctx) {
  Expr const& n = *x3::_attr(ctx);
  if (n.kind != ExprKind::Number || n.text.find('.') != std::string::npos) {
    throw SyntaxError{state_of(ctx).begin + n.offset, n.length,
                      "a band takes a whole number of places, e.g. 'top 3 -> STATE'"};
  }
  RankBand& b = x3::_val(ctx);
  b.count = static_cast<std::int64_t>(std::min(n.number, 1001.0));
  b.count_text = n.text;
  b.count_pos = n;
};
auto band_kind(RankBand::Kind k) {
  return [k](auto& ctx) { x3::_val(ctx).kind = k; };
}

struct rank_band_class : annotate {};
x3::rule<rank_band_class, RankBand> const rank_band = "a band";
auto const rank_band_def = located
    [((kw("top")[band_kind(RankBand::Kind::Top)] | kw("next")[band_kind(RankBand::Kind::Next)]) >
      literal[band_count] > "->" > band_state[set(&RankBand::target)]) |
     (kw("rest")[band_kind(RankBand::Kind::Rest)] > "->" > band_state[set(&RankBand::target)])];

struct rank_date_class : annotate {};
x3::rule<rank_date_class, RankDate> const rank_date = "at MM-DD";
auto const rank_date_def = located[kw("at") > month_day_text[([](auto& ctx) {
                                     x3::_val(ctx).month = x3::_attr(ctx).first;
                                     x3::_val(ctx).day = x3::_attr(ctx).second;
                                   })]];

x3::rule<struct rank_end_class> const rank_end =
    "'order', 'ties', 'while scoring', 'place into', 'top', 'next', 'rest', 'at' or '}'";
auto const rank_end_def = x3::lit('}');

auto const rank_clause = rank_order[push(&Rank::orders)] |
                         (kw("ties") > tie_rule[push(&Rank::ties)]) |
                         (kw("while") > kw("scoring") > scoring_rule[push(&Rank::while_scoring)]) |
                         (kw("place") > kw("into") > place_field[push(&Rank::place_fields)]) |
                         rank_band[push(&Rank::bands)] | rank_date[push(&Rank::at)];

BOOST_SPIRIT_DEFINE(rank_name, rank_role, group_field, place_field, band_state, tie_rule,
                    scoring_rule, rank_key, rank_order, rank_band, rank_date, rank_end)

}  // namespace

struct rank_block_class : annotate {};
rank_block_type const rank_block = "a ranking";
auto const rank_block_def =
    located[kw("rank") > rank_name[set(&Rank::name)] > kw("by") > rank_role[set(&Rank::role)] >>
            -(kw("per") >
              group_field[([](auto& ctx) { x3::_val(ctx).group = std::move(x3::_attr(ctx)); })]) >>
            -quoted[set(&Rank::label)] > '{' > *rank_clause > rank_end];
BOOST_SPIRIT_DEFINE(rank_block)
BOOST_SPIRIT_INSTANTIATE(rank_block_type, iterator_type, context_type)

}  // namespace dojang::dsl::grammar
