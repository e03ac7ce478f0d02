// One Step written inside the caller's transaction (see step_write.hpp). Each row is a one-time
// statement: on PostgreSQL a prepared one costs two more round trips.

#include "step_write.hpp"

#include <boost/json/object.hpp>

#include <algorithm>

#include "event_hash.hpp"
#include "json_codec.hpp"
#include "store_starts.hpp"

namespace dojang::store::detail {
namespace {

// The instance row: INSERT at revision 1, else the UPDATE guarded by guard_of(step). Returns the
// previous event's hash ("" for the first event).
Result<std::string> write_instance(soci::session& sql, const engine::Step& step) {
  const engine::Instance& in = step.instance;
  const engine::HistoryEvent& ev = step.event;
  long long state = in.state, revision = in.revision, reminders = in.reminders;
  long long created = in.created_at.seconds, updated = in.updated_at.seconds;
  int version = in.version, final = step.final ? 1 : 0;
  const std::string body = encode_body(in);
  if (is_start(step)) {
    sql << "INSERT INTO instances (id, workflow, version, state, state_name, revision,"
           " submitter, body, created_at, updated_at, final, reminders, unit)"
           " VALUES (:id, :w, :v, :s, :sn, :r, :sub, :b, :c, :u, :f, :m, :un)",
        soci::use(in.id), soci::use(in.workflow), soci::use(version), soci::use(state),
        soci::use(ev.to), soci::use(revision), soci::use(in.submitter), soci::use(body),
        soci::use(created), soci::use(updated), soci::use(final), soci::use(reminders),
        soci::use(in.unit);
    return std::string();
  }
  const Guard expected = guard_of(step);
  // RETURNING tells whether the guarded row was there, in one round trip.
  long long changed = 0;
  sql << "UPDATE instances SET state = :s, state_name = :sn, revision = :r, reminders = :m,"
         " body = :b, updated_at = :u, final = :f, unit = :un"
         " WHERE id = :id AND revision = :e AND reminders = :em RETURNING revision",
      soci::use(state), soci::use(ev.to), soci::use(revision), soci::use(reminders),
      soci::use(body), soci::use(updated), soci::use(final), soci::use(in.unit), soci::use(in.id),
      soci::use(expected.revision), soci::use(expected.reminders), soci::into(changed);
  if (!sql.got_data()) changed = 0;
  if (changed == 0) return std::unexpected(not_at_revision(sql, in.id, expected).error());
  bool found = false;
  std::string prev_hash = head_hash(sql, in.id, found);
  if (!found) {
    return std::unexpected(Error{Error::Code::Internal, "the history of '" + in.id +
                                                            "' has no event " +
                                                            std::to_string(expected.revision) +
                                                            "; run `dojang audit verify`"});
  }
  return prev_hash;
}

// The rows that follow the instance: timers, waiting roles, outbox.
void write_dependents(soci::session& sql, const engine::Step& step) {
  const engine::Instance& in = step.instance;
  sql << "DELETE FROM timers WHERE instance = :i", soci::use(in.id);
  for (const engine::PendingTimer& t : in.timers) {
    long long state = t.state, timer = t.timer, due = t.due.seconds;
    sql << "INSERT INTO timers (instance, state, timer, due) VALUES (:i, :s, :t, :d)",
        soci::use(in.id), soci::use(state), soci::use(timer), soci::use(due);
  }
  sql << "DELETE FROM waiting WHERE instance = :i", soci::use(in.id);
  std::vector<std::string> roles = step.waiting_roles;
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  long long updated = in.updated_at.seconds;
  for (const std::string& role : roles) {
    sql << "INSERT INTO waiting (instance, role, updated_at) VALUES (:i, :r, :u)", soci::use(in.id),
        soci::use(role), soci::use(updated);
  }
  long long seq = step.event.seq, at = step.event.at.seconds;
  for (const engine::Notification& n : step.notifications) {
    sql << "INSERT INTO outbox (instance, seq, role, message, created_at)"
           " VALUES (:i, :s, :r, :m, :a)",
        soci::use(in.id), soci::use(seq), soci::use(n.role), soci::use(n.message), soci::use(at);
  }
}

}  // namespace

Result<void> check_step(const engine::Step& step) {
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
  if (is_reminder(step) && (step.event.reminder != in.reminders || !step.starts.empty())) {
    return invalid("reminder " + std::to_string(step.event.reminder) + " of instance '" + in.id +
                   "' does not follow its " + std::to_string(in.reminders) +
                   " reminders, or starts something, which a reminder does not do");
  }
  return {};
}

Result<CommitOutcome> write_step(soci::session& sql, const engine::Step& step,
                                 const std::string& idempotency_key, const std::string& fingerprint,
                                 Taken& taking) {
  const engine::Instance& in = step.instance;
  const engine::HistoryEvent& ev = step.event;
  taking = Taken::Instance;
  Result<std::string> prev_hash = write_instance(sql, step);
  if (!prev_hash) return std::unexpected(std::move(prev_hash.error()));

  taking = Taken::Event;
  CommitOutcome out;
  out.seq = ev.seq;
  out.hash = chain_hash(*prev_hash, in.id, ev);
  long long seq = ev.seq, reminder = ev.reminder, at = ev.at.seconds;
  const std::string payload = encode_payload(ev);
  sql << "INSERT INTO history (instance, seq, reminder, kind, action, actor, on_behalf_of,"
         " from_state, to_state, comment, payload, at, hash, prev_hash)"
         " VALUES (:i, :s, :n, :k, :a, :ac, :ob, :fr, :to, :c, :p, :at, :h, :ph)",
      soci::use(in.id), soci::use(seq), soci::use(reminder), soci::use(ev.kind),
      soci::use(ev.action), soci::use(ev.actor), soci::use(ev.on_behalf_of), soci::use(ev.from),
      soci::use(ev.to), soci::use(ev.comment), soci::use(payload), soci::use(at),
      soci::use(out.hash), soci::use(*prev_hash);

  taking = Taken::Other;
  write_dependents(sql, step);
  insert_start_orders(sql, step);  // nothing when there is none
  if (!idempotency_key.empty()) {
    taking = Taken::Key;
    const std::string result = key_result(in.id, ev, out.hash, fingerprint);
    sql << "INSERT INTO idempotency (key, instance, seq, result) VALUES (:k, :i, :s, :r)",
        soci::use(idempotency_key), soci::use(in.id), soci::use(seq), soci::use(result);
  }
  return out;
}

Result<void> not_at_revision(soci::session& sql, const std::string& id, const Guard& expected) {
  long long current = 0, reminders = 0;
  sql << "SELECT revision, reminders FROM instances WHERE id = :id", soci::into(current),
      soci::into(reminders), soci::use(id);
  if (!sql.got_data()) {
    return std::unexpected(Error{Error::Code::NotFound, "no instance '" + id + "'"});
  }
  if (current == expected.revision) {
    return std::unexpected(Error{
        Error::Code::Conflict, "a reminder of instance '" + id +
                                   "' was sent meanwhile (its revision " + std::to_string(current) +
                                   " is unchanged): reload it and try again"});
  }
  return std::unexpected(Error{Error::Code::Conflict,
                               "instance '" + id + "' is at revision " + std::to_string(current) +
                                   ", not " + std::to_string(expected.revision) +
                                   ": someone acted on it first; reload it and try again"});
}

std::string head_hash(soci::session& sql, const std::string& id, bool& found) {
  std::string hash;
  sql << "SELECT hash FROM history WHERE instance = :i ORDER BY seq DESC, reminder DESC LIMIT 1",
      soci::into(hash), soci::use(id);
  found = sql.got_data();
  return hash;
}

}  // namespace dojang::store::detail
