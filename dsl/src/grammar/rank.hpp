#pragma once
// The `rank` block of a state (defined in rank.cpp, used by workflow.cpp).

#include "grammar/config.hpp"

namespace dojang::dsl::grammar {

struct rank_block_class;
using rank_block_type = x3::rule<rank_block_class, ast::Rank>;
BOOST_SPIRIT_DECLARE(rank_block_type)
extern rank_block_type const rank_block;

}  // namespace dojang::dsl::grammar
