// Committing one engine::Step: the instance, its history event (hash-chained), timers, waiting
// roles, notifications, start orders and idempotency key, all at once. On PostgreSQL an ordinary
// step is one statement in autocommit (commit_statement.cpp); otherwise the step is written by
// write_step (step_write.cpp) in a transaction.

#include "commit_statement.hpp"
#include "connection.hpp"
#include "dojang/store/store.hpp"
#include "step_write.hpp"
#include "transaction.hpp"

namespace dojang::store {
namespace {

// The Duplicate of a commit in words, by the key that was taken; `error` itself for another key.
Error taken(detail::Taken key, const engine::Step& step, const std::string& idempotency_key,
            Error error) {
  const std::string& id = step.instance.id;
  switch (key) {
    case detail::Taken::Instance:
      return Error{Error::Code::Duplicate, "an instance with id '" + id + "' already exists"};
    case detail::Taken::Event:
      return Error{Error::Code::Conflict, "event " + std::to_string(step.event.seq) +
                                              " of instance '" + id +
                                              "' was written by someone else first; reload it"};
    case detail::Taken::Key:
      return Error{Error::Code::Duplicate,
                   "the idempotency key '" + idempotency_key + "' was already used"};
    case detail::Taken::Other:
      break;
  }
  return error;
}

}  // namespace

Result<CommitOutcome> Store::commit(const engine::Step& step, const std::string& idempotency_key,
                                    const std::string& fingerprint) {
  if (Result<void> ok = detail::check_step(step); !ok) return std::unexpected(ok.error());
  detail::Taken taking = detail::Taken::Other;
  Result<CommitOutcome> outcome;
  // Start orders are written by their own statements (store_starts.cpp), so a step that has
  // some takes the transaction on PostgreSQL too.
  if (m_db->dialect().commits_in_one_statement() && step.starts.empty()) {
    outcome = m_db->produce<CommitOutcome>([&](CommitOutcome& out) {
      return detail::commit_in_one_statement(*m_db, step, idempotency_key, fingerprint, out);
    });
    if (!outcome && outcome.error().code == Error::Code::Duplicate) {
      taking = detail::duplicate_of(outcome.error());
    }
  } else {
    outcome = m_db->produce<CommitOutcome>([&](CommitOutcome& out) -> Result<void> {
      detail::Transaction tx(*m_db, detail::Transaction::Mode::Write);
      Result<CommitOutcome> written =
          detail::write_step(m_db->sql(), step, idempotency_key, fingerprint, taking);
      if (!written) return std::unexpected(std::move(written.error()));
      tx.commit();
      out = std::move(*written);
      return {};
    });
  }
  if (outcome) {
    m_db->heads().remember(step, outcome->hash);
  } else if (outcome.error().code == Error::Code::Duplicate) {
    return std::unexpected(taken(taking, step, idempotency_key, std::move(outcome.error())));
  }
  return outcome;
}

}  // namespace dojang::store
