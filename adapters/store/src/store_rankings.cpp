// Rankings: the cohort waiting in a state, the runs already made, and a ranking's steps written
// in one transaction with one run row (so that each group is ranked once).

#include <ctime>
#include <map>

#include "connection.hpp"
#include "dojang/store/store.hpp"
#include "json_codec.hpp"
#include "sql_rows.hpp"
#include "step_write.hpp"
#include "transaction.hpp"

namespace dojang::store {
namespace {

// "2026-11-30 01:00 UTC", for messages.
std::string when(engine::Date at) {
  const std::time_t t = static_cast<std::time_t>(at.seconds);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return std::to_string(at.seconds);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &tm);
  return text;
}

std::string run_text(const RankingRun& run) {
  return "ranking '" + run.ranking + "' of '" + run.workflow + "'" +
         (run.group_key.empty() ? std::string() : " for " + run.group_key);
}

std::string already_text(const RankingRun& asked, const RankingRun& done) {
  return run_text(asked) + " was already run on " + when(done.ran_at) + " by " + done.actor +
         "; each group is ranked once";
}

std::optional<RankingRun> read_run(soci::session& sql, const std::string& workflow,
                                   const std::string& ranking, const std::string& group_key) {
  RankingRun run{workflow, ranking, group_key, 0, {}, ""};
  long long ran_at = 0;
  sql << "SELECT version, ran_at, actor FROM ranking_runs"
         " WHERE workflow = :w AND ranking = :r AND group_key = :g",
      soci::into(run.version), soci::into(ran_at), soci::into(run.actor), soci::use(workflow),
      soci::use(ranking), soci::use(group_key);
  if (!sql.got_data()) return std::nullopt;
  run.ran_at = engine::Date{ran_at};
  return run;
}

}  // namespace

Result<std::vector<engine::Instance>> Store::cohort(const std::string& workflow,
                                                    const std::string& state_name) {
  using Rows = std::vector<engine::Instance>;
  return m_db->produce<Rows>([&](Rows& out) -> Result<void> {
    soci::session& sql = m_db->sql();
    detail::Transaction tx(*m_db, detail::Transaction::Mode::Read);
    engine::Instance row;
    std::string body, bad;
    long long state = 0, revision = 0, created = 0, updated = 0, reminders = 0;
    detail::for_each_row(
        sql,
        "SELECT id, version, state, revision, submitter, body, created_at, updated_at, reminders"
        " FROM instances WHERE workflow = :w AND state_name = :s AND final = 0"
        " ORDER BY created_at, id",
        [&](soci::statement& st) {
          st.exchange(soci::into(row.id));
          st.exchange(soci::into(row.version));
          st.exchange(soci::into(state));
          st.exchange(soci::into(revision));
          st.exchange(soci::into(row.submitter));
          st.exchange(soci::into(body));
          st.exchange(soci::into(created));
          st.exchange(soci::into(updated));
          st.exchange(soci::into(reminders));
          st.exchange(soci::use(workflow));
          st.exchange(soci::use(state_name));
        },
        [&] {
          engine::Instance in;
          in.id = row.id;
          in.workflow = workflow;
          in.version = row.version;
          in.submitter = row.submitter;
          in.state = static_cast<engine::Index>(state);
          in.revision = revision;
          in.reminders = reminders;
          in.created_at = engine::Date{created};
          in.updated_at = engine::Date{updated};
          if (auto ok = detail::decode_body(body, in); !ok && bad.empty())
            bad = "instance '" + in.id + "': " + ok.error();
          out.push_back(std::move(in));
        });
    if (!bad.empty()) return std::unexpected(Error{Error::Code::Internal, bad});
    std::map<std::string, engine::Instance*> by_id;
    for (engine::Instance& in : out) by_id[in.id] = &in;
    std::string instance;
    long long timer_state = 0, timer = 0, due = 0;
    detail::for_each_row(
        sql,
        "SELECT t.instance, t.state, t.timer, t.due FROM timers t JOIN instances i"
        " ON i.id = t.instance WHERE i.workflow = :w AND i.state_name = :s AND i.final = 0"
        " ORDER BY t.id",
        [&](soci::statement& st) {
          st.exchange(soci::into(instance));
          st.exchange(soci::into(timer_state));
          st.exchange(soci::into(timer));
          st.exchange(soci::into(due));
          st.exchange(soci::use(workflow));
          st.exchange(soci::use(state_name));
        },
        [&] {
          auto it = by_id.find(instance);
          if (it == by_id.end()) return;
          it->second->timers.push_back({static_cast<engine::Index>(timer_state),
                                        static_cast<engine::Index>(timer), engine::Date{due}});
        });
    tx.commit();
    return {};
  });
}

Result<std::optional<RankingRun>> Store::ranking_run(const std::string& workflow,
                                                     const std::string& ranking,
                                                     const std::string& group_key) {
  using Found = std::optional<RankingRun>;
  return m_db->produce<Found>([&](Found& out) -> Result<void> {
    out = read_run(m_db->sql(), workflow, ranking, group_key);
    return {};
  });
}

Result<std::vector<CommitOutcome>> Store::commit_ranking(const RankingRun& run,
                                                         const std::vector<engine::Step>& steps) {
  if (run.workflow.empty() || run.ranking.empty()) {
    return std::unexpected(
        Error{Error::Code::Invalid, "a ranking run needs a workflow and a name"});
  }
  for (const engine::Step& step : steps) {
    if (Result<void> ok = detail::check_step(step); !ok) return std::unexpected(ok.error());
    if (detail::is_start(step)) {
      return std::unexpected(Error{Error::Code::Invalid, "a ranking moves items that exist; '" +
                                                             step.instance.id + "' is new"});
    }
  }
  bool writing_steps = false;
  detail::Taken taking = detail::Taken::Other;  // every taken key is a Conflict here
  using Outcomes = std::vector<CommitOutcome>;
  Result<Outcomes> done = m_db->produce<Outcomes>([&](Outcomes& out) -> Result<void> {
    soci::session& sql = m_db->sql();
    detail::Transaction tx(*m_db, detail::Transaction::Mode::Write);
    if (auto earlier = read_run(sql, run.workflow, run.ranking, run.group_key)) {
      return std::unexpected(Error{Error::Code::Duplicate, already_text(run, *earlier)});
    }
    long long ran_at = run.ran_at.seconds;
    sql << "INSERT INTO ranking_runs (workflow, ranking, group_key, version, ran_at, actor)"
           " VALUES (:w, :r, :g, :v, :t, :a)",
        soci::use(run.workflow), soci::use(run.ranking), soci::use(run.group_key),
        soci::use(run.version), soci::use(ran_at), soci::use(run.actor);
    writing_steps = true;
    for (const engine::Step& step : steps) {
      Result<CommitOutcome> written = detail::write_step(sql, step, "", "", taking);
      if (!written) return std::unexpected(std::move(written.error()));
      out.push_back(std::move(*written));
    }
    tx.commit();
    return {};
  });
  if (done) {
    // Only now that the transaction is committed (known_heads.hpp).
    for (std::size_t i = 0; i < steps.size(); ++i)
      m_db->heads().remember(steps[i], (*done)[i].hash);
    return done;
  }
  if (done.error().code == Error::Code::Duplicate &&
      done.error().message.starts_with("already exists")) {
    if (writing_steps) {  // a member's event was written first by another process
      return std::unexpected(
          Error{Error::Code::Conflict, "an item of " + run_text(run) +
                                           " was changed by someone else meanwhile; nothing was "
                                           "written: rank again"});
    }
    // Another process ranked the same group between our look and our write.
    auto earlier = ranking_run(run.workflow, run.ranking, run.group_key);
    if (earlier && *earlier) {
      return std::unexpected(Error{Error::Code::Duplicate, already_text(run, **earlier)});
    }
  }
  return done;
}

}  // namespace dojang::store
