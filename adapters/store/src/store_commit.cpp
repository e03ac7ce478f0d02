// Committing one engine::Step: the instance, its history event (hash-chained), timers, waiting
// roles, notifications and idempotency key, all in one transaction.

#include <boost/json/object.hpp>

#include <algorithm>

#include "connection.hpp"
#include "dojang/store/store.hpp"
#include "event_hash.hpp"
#include "json_codec.hpp"
#include "transaction.hpp"

namespace dojang::store {
namespace {

// How far a commit got, to tell which unique key a Duplicate came from.
enum class Phase { Instance, History, Rest, Key };

Result<void> check(const engine::Step& step) {
  const engine::Instance& in = step.instance;
  auto invalid = [](std::string m) {
    return std::unexpected(Error{Error::Code::Invalid, std::move(m)});
  };
  if (in.id.empty()) return invalid("the instance to commit has no id");
  if (in.revision < 1) return invalid("instance '" + in.id + "' has no revision to commit");
  if (step.event.seq != in.revision) {
    return invalid("the event of instance '" + in.id + "' has seq " +
                   std::to_string(step.event.seq) + " but the instance is at revision " +
                   std::to_string(in.revision));
  }
  return {};
}

// Writes the rows that follow the instance: timers, waiting roles, outbox. Each row is a
// one-time statement: on PostgreSQL a prepared one costs two more round trips.
void replace_dependents(soci::session& sql, const engine::Step& step) {
  const engine::Instance& in = step.instance;
  sql << "DELETE FROM timers WHERE instance = :i", soci::use(in.id);
  for (const engine::PendingTimer& t : in.timers) {
    long long state = t.state, timer = t.timer, due = t.due.seconds;
    sql << "INSERT INTO timers (instance, state, timer, due) VALUES (:i, :s, :t, :d)",
        soci::use(in.id), soci::use(state), soci::use(timer), soci::use(due);
  }
  sql << "DELETE FROM waiting WHERE instance = :i", soci::use(in.id);
  {
    std::vector<std::string> roles = step.waiting_roles;
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    long long updated = in.updated_at.seconds;
    for (const std::string& role : roles) {
      sql << "INSERT INTO waiting (instance, role, updated_at) VALUES (:i, :r, :u)",
          soci::use(in.id), soci::use(role), soci::use(updated);
    }
  }
  long long seq = step.event.seq, at = step.event.at.seconds;
  for (const engine::Notification& n : step.notifications) {
    sql << "INSERT INTO outbox (instance, seq, role, message, created_at)"
           " VALUES (:i, :s, :r, :m, :a)",
        soci::use(in.id), soci::use(seq), soci::use(n.role), soci::use(n.message), soci::use(at);
  }
}

}  // namespace

Result<CommitOutcome> Store::commit(const engine::Step& step, const std::string& idempotency_key) {
  if (Result<void> ok = check(step); !ok) return std::unexpected(ok.error());
  const engine::Instance& in = step.instance;
  const engine::HistoryEvent& ev = step.event;
  long long state = in.state, revision = in.revision, expected = in.revision - 1;
  long long created = in.created_at.seconds, updated = in.updated_at.seconds;
  long long seq = ev.seq, at = ev.at.seconds;
  int version = in.version, final = step.final ? 1 : 0;
  Phase phase = Phase::Instance;

  Result<CommitOutcome> outcome = m_db->produce<CommitOutcome>([&](CommitOutcome& out)
                                                                   -> Result<void> {
    const std::string body = detail::encode_body(in);
    const std::string payload = detail::encode_payload(ev);
    soci::session& sql = m_db->sql();
    detail::Transaction tx(*m_db, detail::Transaction::Mode::Write);
    std::string prev_hash;
    if (revision == 1) {
      sql << "INSERT INTO instances (id, workflow, version, state, state_name, revision,"
             " submitter, body, created_at, updated_at, final)"
             " VALUES (:id, :w, :v, :s, :sn, :r, :sub, :b, :c, :u, :f)",
          soci::use(in.id), soci::use(in.workflow), soci::use(version), soci::use(state),
          soci::use(ev.to), soci::use(revision), soci::use(in.submitter), soci::use(body),
          soci::use(created), soci::use(updated), soci::use(final);
    } else {
      // RETURNING tells whether the guarded row was there, in one round trip (a prepared
      // statement would cost three on PostgreSQL: prepare, execute, deallocate).
      long long changed = 0;
      sql << "UPDATE instances SET state = :s, state_name = :sn, revision = :r,"
             " body = :b, updated_at = :u, final = :f"
             " WHERE id = :id AND revision = :e RETURNING revision",
          soci::use(state), soci::use(ev.to), soci::use(revision), soci::use(body),
          soci::use(updated), soci::use(final), soci::use(in.id), soci::use(expected),
          soci::into(changed);
      if (!sql.got_data()) changed = 0;
      if (changed == 0) {
        long long current = 0;
        sql << "SELECT revision FROM instances WHERE id = :id", soci::into(current),
            soci::use(in.id);
        if (!sql.got_data()) {
          return std::unexpected(Error{Error::Code::NotFound, "no instance '" + in.id + "'"});
        }
        return std::unexpected(Error{
            Error::Code::Conflict,
            "instance '" + in.id + "' is at revision " + std::to_string(current) + ", not " +
                std::to_string(expected) + ": someone acted on it first; reload it and try again"});
      }
      long long prev_seq = seq - 1;
      sql << "SELECT hash FROM history WHERE instance = :i AND seq = :s", soci::into(prev_hash),
          soci::use(in.id), soci::use(prev_seq);
      if (!sql.got_data()) {
        return std::unexpected(Error{Error::Code::Internal,
                                     "the history of '" + in.id + "' has no event " +
                                         std::to_string(prev_seq) + "; run `dojang audit verify`"});
      }
    }
    phase = Phase::History;
    out.seq = seq;
    out.hash = detail::chain_hash(prev_hash, in.id, ev);
    sql << "INSERT INTO history (instance, seq, kind, action, actor, on_behalf_of, from_state,"
           " to_state, comment, payload, at, hash, prev_hash)"
           " VALUES (:i, :s, :k, :a, :ac, :ob, :fr, :to, :c, :p, :at, :h, :ph)",
        soci::use(in.id), soci::use(seq), soci::use(ev.kind), soci::use(ev.action),
        soci::use(ev.actor), soci::use(ev.on_behalf_of), soci::use(ev.from), soci::use(ev.to),
        soci::use(ev.comment), soci::use(payload), soci::use(at), soci::use(out.hash),
        soci::use(prev_hash);
    phase = Phase::Rest;
    replace_dependents(sql, step);
    if (!idempotency_key.empty()) {
      phase = Phase::Key;
      std::string result = detail::canonical(
          boost::json::object{{"event", detail::encode_event(in.id, ev)}, {"hash", out.hash}});
      sql << "INSERT INTO idempotency (key, instance, seq, result) VALUES (:k, :i, :s, :r)",
          soci::use(idempotency_key), soci::use(in.id), soci::use(seq), soci::use(result);
    }
    tx.commit();
    return {};
  });
  if (!outcome && outcome.error().code == Error::Code::Duplicate) {
    switch (phase) {
      case Phase::Instance:
        return std::unexpected(
            Error{Error::Code::Duplicate, "an instance with id '" + in.id + "' already exists"});
      case Phase::History:
        return std::unexpected(
            Error{Error::Code::Conflict, "event " + std::to_string(seq) + " of instance '" + in.id +
                                             "' was written by someone else first; reload it"});
      case Phase::Key:
        return std::unexpected(
            Error{Error::Code::Duplicate,
                  "the idempotency key '" + idempotency_key + "' was already used"});
      case Phase::Rest:
        break;
    }
  }
  return outcome;
}

}  // namespace dojang::store
