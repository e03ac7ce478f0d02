#pragma once
// Small helpers for running statements whose parameters are only known at run time.

#include <soci/soci.h>

#include <functional>
#include <string>

namespace dojang::store::detail {

// Prepares `query` with the intos and uses that `bind` adds, executes it and calls `row` for
// each row fetched. The statement is finished (and released) before this returns.
inline void for_each_row(soci::session& sql, const std::string& query,
                         const std::function<void(soci::statement&)>& bind,
                         const std::function<void()>& row) {
  soci::statement st(sql);
  bind(st);
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) row();
}

// Executes a prepared statement and returns how many rows it changed.
inline long long changed_rows(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace dojang::store::detail
