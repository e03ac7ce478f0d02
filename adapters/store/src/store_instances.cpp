// Reading instances back: ids, one instance, its history, an idempotency key's first result.

#include <boost/json/object.hpp>

#include <cstdio>

#include "connection.hpp"
#include "dojang/store/store.hpp"
#include "json_codec.hpp"
#include "sql_rows.hpp"
#include "transaction.hpp"

namespace dojang::store {
namespace {

std::unexpected<Error> corrupt(const std::string& what, const std::string& why) {
  return std::unexpected(Error{Error::Code::Internal, what + ": " + why});
}

}  // namespace

Result<std::string> Store::next_instance_id(const std::string& workflow) {
  if (workflow.empty()) {
    return std::unexpected(Error{Error::Code::Invalid, "an instance id needs a workflow name"});
  }
  return m_db->produce<std::string>([&](std::string& out) -> Result<void> {
    soci::session& sql = m_db->sql();
    detail::Transaction tx(*m_db, detail::Transaction::Mode::Write);
    sql << "INSERT INTO instance_counters (workflow, next) VALUES (:w, 1)"
           " ON CONFLICT (workflow) DO UPDATE SET next = instance_counters.next + 1",
        soci::use(workflow);
    long long next = 0;
    sql << "SELECT next FROM instance_counters WHERE workflow = :w", soci::into(next),
        soci::use(workflow);
    tx.commit();
    char digits[32];
    std::snprintf(digits, sizeof digits, "%06lld", next);
    out = workflow + "-" + digits;
    return {};
  });
}

Result<engine::Instance> Store::instance(const std::string& id) {
  return m_db->produce<engine::Instance>([&](engine::Instance& out) -> Result<void> {
    soci::session& sql = m_db->sql();
    detail::Transaction tx(*m_db, detail::Transaction::Mode::Read);
    std::string body, head_hash;
    soci::indicator head_found = soci::i_null;
    long long state = 0, revision = 0, created = 0, updated = 0, reminders = 0;
    // With the hash of the newest event, which the next commit chains to (known_heads.hpp).
    sql << "SELECT workflow, version, state, revision, submitter, body, created_at, updated_at,"
           " reminders, (SELECT h.hash FROM history h WHERE h.instance = i.id AND"
           " h.seq = i.revision ORDER BY h.reminder DESC LIMIT 1)"
           " FROM instances i WHERE i.id = :id",
        soci::into(out.workflow), soci::into(out.version), soci::into(state), soci::into(revision),
        soci::into(out.submitter), soci::into(body), soci::into(created), soci::into(updated),
        soci::into(reminders), soci::into(head_hash, head_found), soci::use(id);
    if (!sql.got_data()) {
      return std::unexpected(Error{Error::Code::NotFound, "no instance '" + id + "'"});
    }
    out.id = id;
    out.state = static_cast<engine::Index>(state);
    out.revision = revision;
    out.reminders = reminders;
    out.created_at = engine::Date{created};
    out.updated_at = engine::Date{updated};
    if (auto ok = detail::decode_body(body, out); !ok) {
      return corrupt("instance '" + id + "'", ok.error());
    }
    long long timer_state = 0, timer = 0, due = 0;
    detail::for_each_row(
        sql, "SELECT state, timer, due FROM timers WHERE instance = :id ORDER BY id",
        [&](soci::statement& st) {
          st.exchange(soci::into(timer_state));
          st.exchange(soci::into(timer));
          st.exchange(soci::into(due));
          st.exchange(soci::use(id));
        },
        [&] {
          out.timers.push_back({static_cast<engine::Index>(timer_state),
                                static_cast<engine::Index>(timer), engine::Date{due}});
        });
    tx.commit();
    if (head_found == soci::i_ok) {
      m_db->heads().remember(id, detail::KnownHead{revision, reminders, head_hash, out.timers});
    }
    return {};
  });
}

Result<std::vector<StoredEvent>> Store::history(const std::string& id) {
  return m_db->produce<std::vector<StoredEvent>>(
      [&](std::vector<StoredEvent>& out) -> Result<void> {
        soci::session& sql = m_db->sql();
        detail::Transaction tx(*m_db, detail::Transaction::Mode::Read);
        StoredEvent row;
        row.instance = id;
        engine::HistoryEvent& ev = row.event;
        std::string payload;
        long long seq = 0, reminder = 0, at = 0;
        std::string bad;
        detail::for_each_row(
            sql,
            "SELECT seq, reminder, kind, action, actor, on_behalf_of, from_state, to_state,"
            " comment, payload, at, hash, prev_hash FROM history WHERE instance = :id"
            " ORDER BY seq, reminder",
            [&](soci::statement& st) {
              st.exchange(soci::into(seq));
              st.exchange(soci::into(reminder));
              for (std::string* column : {&ev.kind, &ev.action, &ev.actor, &ev.on_behalf_of,
                                          &ev.from, &ev.to, &ev.comment, &payload}) {
                st.exchange(soci::into(*column));
              }
              st.exchange(soci::into(at));
              st.exchange(soci::into(row.hash));
              st.exchange(soci::into(row.prev_hash));
              st.exchange(soci::use(id));
            },
            [&] {
              ev.seq = seq;
              ev.reminder = reminder;
              ev.at = engine::Date{at};
              if (auto ok = detail::decode_payload(payload, ev); !ok && bad.empty()) {
                bad = "event " + std::to_string(seq) + " of instance '" + id + "': " + ok.error();
              }
              out.push_back(row);
            });
        if (!bad.empty()) return std::unexpected(Error{Error::Code::Internal, bad});
        if (out.empty()) {
          std::string found;
          sql << "SELECT id FROM instances WHERE id = :id", soci::into(found), soci::use(id);
          if (!sql.got_data()) {
            return std::unexpected(Error{Error::Code::NotFound, "no instance '" + id + "'"});
          }
        }
        tx.commit();
        return {};
      });
}

Result<std::optional<IdempotentHit>> Store::find_idempotency_key(const std::string& key) {
  using Found = std::optional<IdempotentHit>;
  return m_db->produce<Found>([&](Found& out) -> Result<void> {
    soci::session& sql = m_db->sql();
    IdempotentHit hit;
    long long seq = 0;
    std::string result;
    sql << "SELECT instance, seq, result FROM idempotency WHERE key = :k", soci::into(hit.instance),
        soci::into(seq), soci::into(result), soci::use(key);
    if (!sql.got_data()) return {};
    std::string what = "the result stored under idempotency key '" + key + "'";
    auto json = detail::parse_json(result);
    if (!json) return corrupt(what, json.error());
    const boost::json::object* o = json->if_object();
    const boost::json::value* event = o ? o->if_contains("event") : nullptr;
    const boost::json::value* hash = o ? o->if_contains("hash") : nullptr;
    if (event == nullptr || hash == nullptr || !hash->is_string()) {
      return corrupt(what, "it lacks the event or its hash");
    }
    auto decoded = detail::decode_event(*event);
    if (!decoded) return corrupt(what, decoded.error());
    hit.seq = seq;
    hit.event = std::move(*decoded);
    hit.hash = std::string(hash->get_string());
    if (const boost::json::value* f = o->if_contains("fingerprint"); f && f->is_string())
      hit.fingerprint = std::string(f->get_string());
    out = std::move(hit);
    return {};
  });
}

}  // namespace dojang::store
