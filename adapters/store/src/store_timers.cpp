// Due timers, each handed to exactly one caller: on PostgreSQL the rows are locked with
// FOR UPDATE SKIP LOCKED, so concurrent claimers take different rows; on SQLite BEGIN IMMEDIATE
// lets one writer at a time in.

#include "connection.hpp"
#include "dojang/store/store.hpp"
#include "sql_rows.hpp"
#include "transaction.hpp"

namespace dojang::store {

Result<std::vector<DueTimer>> Store::claim_due_timers(engine::Date now, int limit) {
  using Rows = std::vector<DueTimer>;
  return m_db->produce<Rows>([&](Rows& out) -> Result<void> {
    if (limit <= 0) return {};
    soci::session& sql = m_db->sql();
    detail::Transaction tx(*m_db, detail::Transaction::Mode::Write);
    long long at = now.seconds, stale = now.seconds - kClaimLease;
    long long id = 0, state = 0, timer = 0, due = 0;
    std::string instance;
    detail::for_each_row(
        sql,
        std::string("SELECT id, instance, state, timer, due FROM timers"
                    " WHERE due <= :now AND (claimed_at IS NULL OR claimed_at <= :stale)"
                    " ORDER BY due, id LIMIT :n") +
            std::string(m_db->dialect().skip_locked()),
        [&](soci::statement& st) {
          st.exchange(soci::into(id));
          st.exchange(soci::into(instance));
          st.exchange(soci::into(state));
          st.exchange(soci::into(timer));
          st.exchange(soci::into(due));
          st.exchange(soci::use(at));
          st.exchange(soci::use(stale));
          st.exchange(soci::use(limit));
        },
        [&] {
          out.push_back({id,
                         instance,
                         {static_cast<engine::Index>(state), static_cast<engine::Index>(timer),
                          engine::Date{due}}});
        });
    {
      soci::statement claim = (sql.prepare << "UPDATE timers SET claimed_at = :t WHERE id = :i",
                               soci::use(at), soci::use(id));
      for (const DueTimer& t : out) {
        id = t.id;
        claim.execute(true);
      }
    }
    tx.commit();
    return {};
  });
}

Result<void> Store::release_timer(std::int64_t timer_id) {
  return m_db->run([&]() -> Result<void> {
    long long id = timer_id;
    soci::statement update =
        (m_db->sql().prepare << "UPDATE timers SET claimed_at = NULL WHERE id = :i", soci::use(id));
    if (detail::changed_rows(update) == 0) {
      return std::unexpected(Error{Error::Code::NotFound,
                                   "no timer " + std::to_string(timer_id) + " (already fired?)"});
    }
    return {};
  });
}

}  // namespace dojang::store
