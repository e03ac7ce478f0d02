// `dojang audit verify`: recompute every hash chain and report where each one first breaks.

#include <algorithm>
#include <map>

#include "connection.hpp"
#include "dojang/store/store.hpp"
#include "event_hash.hpp"
#include "json_codec.hpp"
#include "sql_rows.hpp"
#include "transaction.hpp"

namespace dojang::store {
namespace {

// Follows one instance's chain, event by event, until the first break.
class ChainCheck {
 public:
  ChainCheck(std::string instance, long long revision, long long reminders)
      : m_instance(std::move(instance)), m_revision(revision), m_reminders(reminders) {}

  // `event` has its payload decoded already unless `payload_error` says why it could not be.
  void next(const engine::HistoryEvent& event, const std::string& payload_error,
            const std::string& hash, const std::string& prev_hash) {
    if (m_problem) return;
    // A reminder is no revision: it follows the event of the revision it was sent at.
    const bool reminder = event.reminder != 0;
    long long expected = reminder ? m_last_seq : m_last_seq + 1;
    if (reminder && (event.seq != expected || event.reminder != m_last_reminder + 1)) {
      return fail(event.seq, "reminder " + std::to_string(event.reminder) +
                                 " is out of order (the reminder before it is " +
                                 std::to_string(m_last_reminder) + ", at event " +
                                 std::to_string(m_last_seq) + ")");
    }
    if (event.seq != expected) {
      return fail(expected, "event " + std::to_string(expected) +
                                " is missing (the history goes "
                                "from " +
                                std::to_string(m_last_seq) + " to " + std::to_string(event.seq) +
                                ")");
    }
    if (prev_hash != m_last_hash) {
      return fail(event.seq, "its prev_hash is not the hash of event " +
                                 std::to_string(m_last_seq) + " (an event was removed or changed)");
    }
    if (!payload_error.empty()) return fail(event.seq, payload_error);
    if (detail::chain_hash(prev_hash, m_instance, event) != hash) {
      return fail(event.seq,
                  "its content does not match its hash (it was changed after it "
                  "was written)");
    }
    m_last_seq = event.seq;
    if (reminder) m_last_reminder = event.reminder;
    m_last_hash = hash;
  }

  // After the last event: the history must reach the instance's revision.
  std::optional<AuditProblem> finish() {
    if (!m_problem && m_last_seq != m_revision) {
      fail(std::min<long long>(m_last_seq, m_revision) + 1,
           "the instance is at revision " + std::to_string(m_revision) +
               " but its history ends at event " + std::to_string(m_last_seq));
    }
    if (!m_problem && m_last_reminder != m_reminders) {
      fail(m_last_seq, "the instance counts " + std::to_string(m_reminders) +
                           " reminders but its history has " + std::to_string(m_last_reminder));
    }
    return m_problem;
  }

 private:
  void fail(long long seq, std::string reason) {
    m_problem = AuditProblem{m_instance, seq, std::move(reason)};
  }

  std::string m_instance;
  long long m_revision;
  long long m_reminders;
  long long m_last_seq = 0;
  long long m_last_reminder = 0;
  std::string m_last_hash;  // "" before the first event
  std::optional<AuditProblem> m_problem;
};

}  // namespace

Result<AuditReport> Store::verify(std::optional<std::string> id) {
  return m_db->produce<AuditReport>([&](AuditReport& report) -> Result<void> {
    soci::session& sql = m_db->sql();
    detail::Transaction tx(*m_db, detail::Transaction::Mode::Read);
    const std::string where_instance = id ? " WHERE id = :id" : "";
    std::map<std::string, std::pair<long long, long long>> revisions;  // and reminders
    std::string instance;
    long long revision = 0, reminders = 0;
    detail::for_each_row(
        sql, "SELECT id, revision, reminders FROM instances" + where_instance,
        [&](soci::statement& st) {
          st.exchange(soci::into(instance));
          st.exchange(soci::into(revision));
          st.exchange(soci::into(reminders));
          if (id) st.exchange(soci::use(*id));
        },
        [&] {
          revisions[instance] = {revision, reminders};
        });
    if (id && revisions.empty()) {
      return std::unexpected(Error{Error::Code::NotFound, "no instance '" + *id + "'"});
    }

    std::map<std::string, ChainCheck> checks;
    for (const auto& [name, rev] : revisions)
      checks.emplace(name, ChainCheck(name, rev.first, rev.second));
    engine::HistoryEvent ev;
    std::string payload, hash, prev_hash;
    long long seq = 0, reminder = 0, at = 0;
    detail::for_each_row(
        sql,
        "SELECT instance, seq, reminder, kind, action, actor, on_behalf_of, from_state, to_state,"
        " comment, payload, at, hash, prev_hash FROM history" +
            (id ? std::string(" WHERE instance = :id") : std::string()) +
            " ORDER BY instance, seq, reminder",
        [&](soci::statement& st) {
          st.exchange(soci::into(instance));
          st.exchange(soci::into(seq));
          st.exchange(soci::into(reminder));
          for (std::string* column : {&ev.kind, &ev.action, &ev.actor, &ev.on_behalf_of, &ev.from,
                                      &ev.to, &ev.comment, &payload}) {
            st.exchange(soci::into(*column));
          }
          st.exchange(soci::into(at));
          st.exchange(soci::into(hash));
          st.exchange(soci::into(prev_hash));
          if (id) st.exchange(soci::use(*id));
        },
        [&] {
          ++report.events;
          ev.seq = seq;
          ev.reminder = reminder;
          ev.at = engine::Date{at};
          auto decoded = detail::decode_payload(payload, ev);
          auto check = checks.find(instance);
          if (check == checks.end()) return;  // the foreign key keeps this from happening
          check->second.next(ev, decoded ? std::string() : decoded.error(), hash, prev_hash);
        });
    report.instances = static_cast<std::int64_t>(checks.size());
    for (auto& [name, check] : checks) {
      if (std::optional<AuditProblem> problem = check.finish()) {
        report.problems.push_back(std::move(*problem));
      }
    }
    tx.commit();
    return {};
  });
}

}  // namespace dojang::store
