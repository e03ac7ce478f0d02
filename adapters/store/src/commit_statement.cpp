#include "commit_statement.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "event_hash.hpp"
#include "json_codec.hpp"

namespace dojang::store::detail {
namespace {

// The rows that follow the instance travel as JSON parameters, so that the text of the statement
// depends only on which parts are present, never on values.
std::string timers_json(const engine::Instance& in) {
  boost::json::array rows;
  for (const engine::PendingTimer& t : in.timers) {
    rows.push_back(boost::json::object{{"st", t.state}, {"tm", t.timer}, {"due", t.due.seconds}});
  }
  return boost::json::serialize(rows);
}

std::string roles_json(const engine::Step& step) {
  std::vector<std::string> roles = step.waiting_roles;
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  boost::json::array rows;
  for (const std::string& role : roles) rows.emplace_back(role);
  return boost::json::serialize(rows);
}

std::string notifications_json(const engine::Step& step) {
  boost::json::array rows;
  for (const engine::Notification& n : step.notifications) {
    rows.push_back(boost::json::object{{"role", n.role}, {"message", n.message}});
  }
  return boost::json::serialize(rows);
}

struct Parts {
  bool start = false;   // revision 1: INSERT the instance, nothing to delete
  bool timers = false;  // rewrite the timer rows (they changed, or are not known)
  bool notifications = false;
  bool key = false;
  [[nodiscard]] int key_number() const {
    return (start ? 1 : 0) | (timers ? 2 : 0) | (notifications ? 4 : 0) | (key ? 8 : 0);
  }
};

// Connection::kept keys of the 16 variants of the statement.
constexpr int kKeptBase = 100;

// Named parameters (SOCI turns each :name into $n); those in select lists carry a cast, as the
// server cannot infer their type there.
std::string statement_text(const Parts& parts) {
  std::string q = "WITH u AS (";
  if (parts.start) {
    q += "INSERT INTO instances (id, workflow, version, state, state_name, revision, submitter,"
         " body, created_at, updated_at, final, reminders, unit) VALUES (:id, :w, :v, :s, :sn, :r,"
         " :sub, :b, :c, :u, :f, :m, :un) RETURNING id)";
  } else {
    q += "UPDATE instances SET state = :s, state_name = :sn, revision = :r, reminders = :m,"
         " body = :b, updated_at = :u, final = :f, unit = :un WHERE id = :id AND revision = :e"
         " AND reminders = :em RETURNING id)";
  }
  q += ", h AS (INSERT INTO history (instance, seq, reminder, kind, action, actor, on_behalf_of,"
       " from_state, to_state, comment, payload, at, hash, prev_hash) SELECT id, :r::bigint,"
       " :n::bigint, :k::text, :a::text, :ac::text, :ob::text, :fr::text, :sn::text, :cm::text, "
       ":p::text,"
       " :at::bigint, :h::text, :ph::text FROM u)";
  if (parts.timers && !parts.start) {
    q += ", td AS (DELETE FROM timers WHERE instance IN (SELECT id FROM u))";
  }
  if (parts.timers) {
    q += ", ti AS (INSERT INTO timers (instance, state, timer, due) SELECT u.id, x.st, x.tm, x.due"
         " FROM u, json_to_recordset(:tj::json) AS x(st bigint, tm bigint, due bigint))";
  }
  if (!parts.start) {
    q += ", wd AS (DELETE FROM waiting WHERE instance IN (SELECT id FROM u) AND role NOT IN"
         " (SELECT json_array_elements_text(:wj::json)))";
  }
  q += ", wi AS (INSERT INTO waiting (instance, role, updated_at) SELECT u.id, r.role, :u::bigint"
       " FROM u, json_array_elements_text(:wj::json) AS r(role) ON CONFLICT (instance, role)"
       " DO UPDATE SET updated_at = EXCLUDED.updated_at)";
  if (parts.notifications) {
    q += ", o AS (INSERT INTO outbox (instance, seq, role, message, created_at) SELECT u.id,"
         " :r::bigint, n.role, n.message, :at::bigint FROM u, json_to_recordset(:nj::json) AS"
         " n(role text, message text))";
  }
  if (parts.key) {
    q += ", k AS (INSERT INTO idempotency (key, instance, seq, result) SELECT :key::text, u.id,"
         " :r::bigint, :res::text FROM u)";
  }
  q += " SELECT count(*) FROM u";
  return q;
}

// The parameters of one variant, at fixed addresses for the statement bound to them.
struct Bound {
  long long count = 0, state = 0, revision = 0, updated = 0, created = 0, expected = 0, at = 0;
  long long reminders = 0, expected_reminders = 0, reminder = 0;
  int final = 0, version = 0;
  std::string id, state_name, body, workflow, submitter, kind, action, actor, on_behalf_of, from,
      comment, payload, hash, prev_hash, timers, roles, notifications, key, result, unit;
};

// One variant of the statement, prepared once per connection.
class PreparedCommit {
 public:
  PreparedCommit(soci::session& sql, const Parts& parts) : m_st(sql) {
    Bound& v = values;
    m_st.exchange(soci::into(v.count));
    m_st.exchange(soci::use(v.id, "id"));
    m_st.exchange(soci::use(v.state, "s"));
    m_st.exchange(soci::use(v.state_name, "sn"));
    m_st.exchange(soci::use(v.revision, "r"));
    m_st.exchange(soci::use(v.body, "b"));
    m_st.exchange(soci::use(v.updated, "u"));
    m_st.exchange(soci::use(v.final, "f"));
    m_st.exchange(soci::use(v.reminders, "m"));
    m_st.exchange(soci::use(v.unit, "un"));
    if (parts.start) {
      m_st.exchange(soci::use(v.workflow, "w"));
      m_st.exchange(soci::use(v.version, "v"));
      m_st.exchange(soci::use(v.submitter, "sub"));
      m_st.exchange(soci::use(v.created, "c"));
    } else {
      m_st.exchange(soci::use(v.expected, "e"));
      m_st.exchange(soci::use(v.expected_reminders, "em"));
    }
    m_st.exchange(soci::use(v.reminder, "n"));
    m_st.exchange(soci::use(v.kind, "k"));
    m_st.exchange(soci::use(v.action, "a"));
    m_st.exchange(soci::use(v.actor, "ac"));
    m_st.exchange(soci::use(v.on_behalf_of, "ob"));
    m_st.exchange(soci::use(v.from, "fr"));
    m_st.exchange(soci::use(v.comment, "cm"));
    m_st.exchange(soci::use(v.payload, "p"));
    m_st.exchange(soci::use(v.at, "at"));
    m_st.exchange(soci::use(v.hash, "h"));
    m_st.exchange(soci::use(v.prev_hash, "ph"));
    if (parts.timers) m_st.exchange(soci::use(v.timers, "tj"));
    m_st.exchange(soci::use(v.roles, "wj"));
    if (parts.notifications) m_st.exchange(soci::use(v.notifications, "nj"));
    if (parts.key) {
      m_st.exchange(soci::use(v.key, "key"));
      m_st.exchange(soci::use(v.result, "res"));
    }
    m_st.alloc();
    m_st.prepare(statement_text(parts));
    m_st.define_and_bind();
  }
  PreparedCommit(const PreparedCommit&) = delete;
  PreparedCommit& operator=(const PreparedCommit&) = delete;

  // Executes with `values`; the number of instance rows written (0: not at the revision).
  long long run() {
    values.count = 0;
    if (!m_st.execute(true)) return 0;
    return values.count;
  }

  Bound values;

 private:
  soci::statement m_st;
};

}  // namespace

Result<void> commit_in_one_statement(Connection& db, const engine::Step& step,
                                     const std::string& idempotency_key,
                                     const std::string& fingerprint, CommitOutcome& out) {
  const engine::Instance& in = step.instance;
  const engine::HistoryEvent& ev = step.event;
  soci::session& sql = db.sql();
  long long seq = ev.seq;
  const Guard expected = guard_of(step);
  Parts parts;
  parts.start = is_start(step);
  parts.timers = !parts.start || !in.timers.empty();
  parts.notifications = !step.notifications.empty();
  parts.key = !idempotency_key.empty();

  std::string prev_hash;
  if (!parts.start) {
    if (const KnownHead* head = db.heads().find(in.id, expected.revision, expected.reminders)) {
      prev_hash = head->hash;
      parts.timers = head->timers != in.timers;
    } else {
      // The statement's guard makes sure that this is still the newest event when it runs.
      bool found = false;
      prev_hash = head_hash(sql, in.id, found);
      if (!found) return not_at_revision(sql, in.id, expected);
    }
  }
  out.seq = seq;
  out.hash = chain_hash(prev_hash, in.id, ev);

  std::shared_ptr<void>& slot = db.kept(kKeptBase + parts.key_number());
  if (!slot) slot = std::make_shared<PreparedCommit>(sql, parts);
  PreparedCommit& prepared = *std::static_pointer_cast<PreparedCommit>(slot);
  Bound& v = prepared.values;
  v.id = in.id;
  v.state = in.state;
  v.state_name = ev.to;
  v.revision = in.revision;
  v.body = encode_body(in);
  v.unit = in.unit;
  v.updated = in.updated_at.seconds;
  v.final = step.final ? 1 : 0;
  v.workflow = in.workflow;
  v.version = in.version;
  v.submitter = in.submitter;
  v.created = in.created_at.seconds;
  v.expected = expected.revision;
  v.reminders = in.reminders;
  v.expected_reminders = expected.reminders;
  v.reminder = ev.reminder;
  v.kind = ev.kind;
  v.action = ev.action;
  v.actor = ev.actor;
  v.on_behalf_of = ev.on_behalf_of;
  v.from = ev.from;
  v.comment = ev.comment;
  v.payload = encode_payload(ev);
  v.at = ev.at.seconds;
  v.hash = out.hash;
  v.prev_hash = prev_hash;
  if (parts.timers) v.timers = timers_json(in);
  v.roles = roles_json(step);
  if (parts.notifications) v.notifications = notifications_json(step);
  if (parts.key) {
    v.key = idempotency_key;
    v.result = key_result(in.id, ev, out.hash, fingerprint);
  }
  long long count = 0;
  try {
    count = prepared.run();
  } catch (...) {
    // SOCI leaves the parameter buffers of a failed execution to the statement's end: end it
    // (it is prepared again on the next commit of this shape).
    slot.reset();
    throw;
  }
  if (count == 0) return not_at_revision(sql, in.id, expected);
  return {};
}

Taken duplicate_of(const Error& error) {
  const std::string& m = error.message;
  if (m.find("\"idempotency_pkey\"") != std::string::npos) return Taken::Key;
  if (m.find("\"history_event_key\"") != std::string::npos ||
      m.find("\"history_instance_seq_key\"") != std::string::npos)
    return Taken::Event;
  if (m.find("\"instances_pkey\"") != std::string::npos) return Taken::Instance;
  return Taken::Other;
}

}  // namespace dojang::store::detail
