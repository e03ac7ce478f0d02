#pragma once
// The store: schema, migrations and every SQL statement of Dojang, on SQLite or PostgreSQL
// through SOCI. It keeps what engine::apply produces and hands it back; it decides nothing.
//
// One Store is one connection and is not thread-safe: use one Store per thread. Several Stores
// (threads or processes) may share one database: commits are guarded by the instance revision,
// and due timers are claimed so that each goes to exactly one caller.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dojang/engine/runtime.hpp"
#include "dojang/store/audit_report.hpp"
#include "dojang/store/directory.hpp"
#include "dojang/store/error.hpp"
#include "dojang/store/ranking_run.hpp"
#include "dojang/store/records.hpp"

namespace dojang::store {

namespace detail {
class Connection;
}

class Store {
 public:
  // "sqlite:PATH" (e.g. "sqlite:dojang.db"), "postgresql://user@host:port/db?host=/socket/dir"
  // (a libpq URI; "postgres://" too) or SOCI's "postgresql://dbname=x host=y". Creates or
  // migrates the schema. BadUrl, Unavailable (cannot connect), Schema (newer than this program).
  // With Open::Existing a database that holds no store yet (a SQLite file that does not exist or
  // is empty) is NoStore, and nothing is created.
  enum class Open { CreateOrMigrate, Existing };
  [[nodiscard]] static Result<std::unique_ptr<Store>> open(const std::string& url,
                                                           Open mode = Open::CreateOrMigrate);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  [[nodiscard]] std::string backend() const;  // "sqlite" | "postgresql"
  [[nodiscard]] int schema_version() const;   // of the open database

  // Definitions: a new version n+1 only when `hash` differs from the latest version's.
  [[nodiscard]] Result<DeployOutcome> deploy(const std::string& name, const std::string& source,
                                             const std::string& hash, engine::Date now);
  [[nodiscard]] Result<std::vector<DefinitionRecord>> definitions();  // by name, then version
  // The latest version when `version` is nullopt. NotFound.
  [[nodiscard]] Result<DefinitionRecord> definition(const std::string& name,
                                                    std::optional<int> version);

  // Directory: replaces the whole directory in one transaction (Invalid: duplicate people or
  // units, deputies of unknown people, empty periods, unknown units, a unit above itself).
  [[nodiscard]] Result<void> load_directory(const Directory& directory);
  // The user's roles (with head@UNIT for each unit they head), unit and the deputyships active
  // at `now` (each with the absent person's roles). NotFound for an unknown user.
  // Principal::organisation is left null: see units().
  [[nodiscard]] Result<engine::Principal> principal(const std::string& user, engine::Date now);
  // Every unit of the directory.
  [[nodiscard]] Result<std::vector<engine::Unit>> units();
  // Whether the directory has a person with this id.
  [[nodiscard]] Result<bool> has_person(const std::string& user);

  // Instances.
  [[nodiscard]] Result<std::string> next_instance_id(const std::string& workflow);
  [[nodiscard]] Result<engine::Instance> instance(const std::string& id);  // NotFound
  // Commits one Step in one transaction: the instance (INSERT for revision 1, else an UPDATE
  // guarded by revision - 1: Conflict when someone committed first), one history event chained
  // by hash, the pending timers, the waiting roles, the notifications (outbox) and, when
  // `idempotency_key` is not empty, the key (Duplicate when it is already taken) with the
  // request's `fingerprint` (what the caller needs to tell a repeat from another request).
  [[nodiscard]] Result<CommitOutcome> commit(const engine::Step& step,
                                             const std::string& idempotency_key,
                                             const std::string& fingerprint = "");
  [[nodiscard]] Result<std::optional<IdempotentHit>> find_idempotency_key(const std::string& key);
  [[nodiscard]] Result<std::vector<StoredEvent>> history(const std::string& id);  // by seq
  // Instances waiting for any of `roles`, most recently updated first.
  [[nodiscard]] Result<std::vector<InstanceSummary>> inbox(const std::vector<std::string>& roles,
                                                           int limit);
  [[nodiscard]] Result<std::vector<InstanceSummary>> instances(std::optional<std::string> workflow,
                                                               int limit);
  // The items that match every filter of `query`, newest first (by last change, then id).
  [[nodiscard]] Result<std::vector<InstanceSummary>> list(const ListQuery& query);

  // Rankings (engine::rank). The items of `workflow` waiting in the state named `state_name`,
  // oldest first, with their timers (every version; the caller groups them).
  [[nodiscard]] Result<std::vector<engine::Instance>> cohort(const std::string& workflow,
                                                             const std::string& state_name);
  // The run of that ranking for that group, if it was run.
  [[nodiscard]] Result<std::optional<RankingRun>> ranking_run(const std::string& workflow,
                                                              const std::string& ranking,
                                                              const std::string& group_key);
  // Every step of one ranking in ONE transaction, with the run row, each written as commit writes
  // it (start orders too): Duplicate when the group was ranked already (the message says when and
  // by whom), Conflict when any member changed since it was loaded, Invalid for a step of a new
  // item; nothing is written then. The outcomes are in the order of `steps`.
  [[nodiscard]] Result<std::vector<CommitOutcome>> commit_ranking(
      const RankingRun& run, const std::vector<engine::Step>& steps);

  // Timers: claims up to `limit` timers due at `now`; each is returned to exactly one caller
  // across Stores and processes. A claim that was neither fired (committed) nor released
  // within kClaimLease seconds is handed out again (its process is presumed dead).
  static constexpr std::int64_t kClaimLease = 15 * 60;
  [[nodiscard]] Result<std::vector<DueTimer>> claim_due_timers(engine::Date now, int limit);
  [[nodiscard]] Result<void> release_timer(std::int64_t timer_id);  // NotFound

  // Start orders (Step::starts), written by commit with their step. pending_starts: those not
  // started yet, of one instance or of all, oldest first. mark_started records the item started
  // for one: NotFound when there is no such order, Conflict when it names another item already.
  [[nodiscard]] Result<std::vector<StartOrderRow>> pending_starts(
      const std::optional<std::string>& instance, int limit);
  [[nodiscard]] Result<std::vector<StartOrderRow>> start_orders(const std::string& instance);
  [[nodiscard]] Result<void> mark_started(const std::string& instance, std::int64_t seq, int n,
                                          const std::string& started_instance);

  // Recomputes every hash chain (or one instance's: NotFound when unknown).
  [[nodiscard]] Result<AuditReport> verify(std::optional<std::string> id);

  // Notifications not yet sent, oldest first; mark_sent records that one went out.
  [[nodiscard]] Result<std::vector<OutboxRow>> outbox(int limit);
  [[nodiscard]] Result<void> mark_sent(std::int64_t outbox_id, engine::Date now);  // NotFound

 private:
  explicit Store(std::unique_ptr<detail::Connection> connection);
  std::unique_ptr<detail::Connection> m_db;
};

}  // namespace dojang::store
