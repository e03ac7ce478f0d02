#pragma once
// How a ranking reads (app::RankDone): a table, a summary line, a JSON body. Used by
// `dojang rank` and `dojang tick`.

#include <string>

#include <boost/json/object.hpp>

#include "dojang/app/results.hpp"

namespace dojang::cli {

// The ranking table: place, item, its name (the first text field), each key (headed by its
// source text) and where the item went (the band's state label).
[[nodiscard]] std::string rank_table(const app::RankDone& done);
// "우수부서 선정 (awards), 2026: 28 items — 최우수 1, 우수 3, 일반 24".
[[nodiscard]] std::string rank_summary(const app::RankDone& done);
// ok-less document body: workflow, ranking, label, group, version, actor, items[...].
[[nodiscard]] boost::json::object rank_json(const app::RankDone& done);

}  // namespace dojang::cli
