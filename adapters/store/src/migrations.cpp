// Every table of Dojang. Times are seconds since 1970 (UTC) in BIGINT columns; JSON is kept as
// text, exactly as the store wrote it, so that hashes can be recomputed byte for byte.

#include "migrations.hpp"

#include <chrono>
#include <span>
#include <string_view>
#include <vector>

#include "transaction.hpp"

namespace dojang::store::detail {
namespace {

struct Migration {
  int version;
  std::vector<std::string_view> statements;
};

// The tables both backends share, with {ID} standing for the auto-increment key.
const std::vector<std::string_view> kVersion1 = {
    "CREATE TABLE definitions (name TEXT NOT NULL, version INTEGER NOT NULL, source TEXT NOT NULL,"
    " hash TEXT NOT NULL, deployed_at BIGINT NOT NULL, PRIMARY KEY (name, version))",
    "CREATE TABLE instances (id TEXT PRIMARY KEY, workflow TEXT NOT NULL, version INTEGER NOT NULL,"
    " state BIGINT NOT NULL, state_name TEXT NOT NULL, revision BIGINT NOT NULL,"
    " submitter TEXT NOT NULL, body TEXT NOT NULL, created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL, final INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX instances_by_update ON instances (updated_at)",
    "CREATE INDEX instances_by_workflow ON instances (workflow, updated_at)",
    "CREATE TABLE instance_counters (workflow TEXT PRIMARY KEY, next BIGINT NOT NULL)",
    "CREATE TABLE history (instance TEXT NOT NULL REFERENCES instances (id), seq BIGINT NOT NULL,"
    " kind TEXT NOT NULL, action TEXT NOT NULL, actor TEXT NOT NULL, on_behalf_of TEXT NOT NULL,"
    " from_state TEXT NOT NULL, to_state TEXT NOT NULL, comment TEXT NOT NULL,"
    " payload TEXT NOT NULL, at BIGINT NOT NULL, hash TEXT NOT NULL, prev_hash TEXT NOT NULL,"
    " UNIQUE (instance, seq))",
    "CREATE TABLE timers ({ID}, instance TEXT NOT NULL REFERENCES instances (id),"
    " state BIGINT NOT NULL, timer BIGINT NOT NULL, due BIGINT NOT NULL, claimed_at BIGINT)",
    "CREATE INDEX timers_by_due ON timers (due)",
    "CREATE INDEX timers_by_instance ON timers (instance)",
    "CREATE TABLE waiting (instance TEXT NOT NULL REFERENCES instances (id), role TEXT NOT NULL,"
    " updated_at BIGINT NOT NULL, PRIMARY KEY (instance, role))",
    "CREATE INDEX waiting_by_role ON waiting (role, updated_at)",
    "CREATE TABLE directory_people (id TEXT PRIMARY KEY, name TEXT NOT NULL,"
    " department TEXT NOT NULL)",
    "CREATE TABLE directory_roles (person TEXT NOT NULL REFERENCES directory_people (id),"
    " role TEXT NOT NULL, PRIMARY KEY (person, role))",
    "CREATE INDEX directory_roles_by_role ON directory_roles (role)",
    "CREATE TABLE directory_deputies (deputy TEXT NOT NULL REFERENCES directory_people (id),"
    " for_user TEXT NOT NULL REFERENCES directory_people (id), valid_from BIGINT NOT NULL,"
    " valid_to BIGINT NOT NULL)",
    "CREATE INDEX directory_deputies_by_deputy ON directory_deputies (deputy)",
    "CREATE TABLE idempotency (key TEXT PRIMARY KEY, instance TEXT NOT NULL REFERENCES instances"
    " (id), seq BIGINT NOT NULL, result TEXT NOT NULL)",
    "CREATE TABLE outbox ({ID}, instance TEXT NOT NULL REFERENCES instances (id),"
    " seq BIGINT NOT NULL, role TEXT NOT NULL, message TEXT NOT NULL,"
    " created_at BIGINT NOT NULL, sent_at BIGINT)",
    "CREATE INDEX outbox_unsent ON outbox (sent_at, id)",
};

// Version 2: the orders to start other procedures (`start WORKFLOW with ...`), written with the
// step that made them; started_instance is filled in once the item is started.
const std::vector<std::string_view> kVersion2 = {
    "CREATE TABLE start_orders (instance TEXT NOT NULL REFERENCES instances (id),"
    " seq BIGINT NOT NULL, n INTEGER NOT NULL, workflow TEXT NOT NULL, field_values TEXT NOT NULL,"
    " created_at BIGINT NOT NULL, started_instance TEXT, PRIMARY KEY (instance, seq, n))",
    "CREATE INDEX start_orders_pending ON start_orders (created_at) WHERE started_instance IS NULL",
};

// Rankings (engine::rank): one row per group ranked, so that each group is ranked once; the
// cohort of a state is read by workflow and state name.
const std::vector<std::string_view> kVersion3 = {
    "CREATE TABLE ranking_runs (workflow TEXT NOT NULL, ranking TEXT NOT NULL,"
    " group_key TEXT NOT NULL, version INTEGER NOT NULL, ran_at BIGINT NOT NULL,"
    " actor TEXT NOT NULL, PRIMARY KEY (workflow, ranking, group_key))",
    "CREATE INDEX instances_by_state ON instances (workflow, state_name)",
};

// Version 4: reminders (deadlines that only notify) are history events but no revision. The
// instance counts them (its commits are guarded by revision and reminders together), and a
// reminder's event is numbered among them after the event of its revision, so the history's key
// becomes (instance, seq, reminder). SQLite cannot drop a table's UNIQUE: the table is copied.
const std::vector<std::string_view> kVersion4 = {
    "ALTER TABLE instances ADD COLUMN reminders BIGINT NOT NULL DEFAULT 0",
    "CREATE TABLE history_v4 (instance TEXT NOT NULL REFERENCES instances (id),"
    " seq BIGINT NOT NULL, reminder BIGINT NOT NULL DEFAULT 0, kind TEXT NOT NULL,"
    " action TEXT NOT NULL, actor TEXT NOT NULL, on_behalf_of TEXT NOT NULL,"
    " from_state TEXT NOT NULL, to_state TEXT NOT NULL, comment TEXT NOT NULL,"
    " payload TEXT NOT NULL, at BIGINT NOT NULL, hash TEXT NOT NULL, prev_hash TEXT NOT NULL,"
    " CONSTRAINT history_event_key UNIQUE (instance, seq, reminder))",
    "INSERT INTO history_v4 (instance, seq, reminder, kind, action, actor, on_behalf_of,"
    " from_state, to_state, comment, payload, at, hash, prev_hash) SELECT instance, seq, 0, kind,"
    " action, actor, on_behalf_of, from_state, to_state, comment, payload, at, hash, prev_hash"
    " FROM history",
    "DROP TABLE history",
    "ALTER TABLE history_v4 RENAME TO history",
};

// Version 5: the organisation. Units form a tree with a head each; every person is in a unit
// with a position. A role held in a unit is stored as ROLE@UNIT in directory_roles.
const std::vector<std::string_view> kVersion5 = {
    "CREATE TABLE directory_units (id TEXT PRIMARY KEY, name TEXT NOT NULL,"
    " parent TEXT NOT NULL, head TEXT NOT NULL)",
    "CREATE INDEX directory_units_by_head ON directory_units (head)",
    "ALTER TABLE directory_people ADD COLUMN unit TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE directory_people ADD COLUMN position TEXT NOT NULL DEFAULT ''",
};

// Version 6: an item's unit as a column (it was in the body only), for lists by unit. Items
// written before keep the unit their body holds.
const std::vector<std::string_view> kVersion6 = {
    "ALTER TABLE instances ADD COLUMN unit TEXT NOT NULL DEFAULT ''",
    "UPDATE instances SET unit = COALESCE({BODY_UNIT}, '')",
    "CREATE INDEX instances_by_unit ON instances (unit, updated_at)",
};

// `statement` with {ID} (an auto-increment key) and {BODY_UNIT} (the unit in an instance's body)
// as this backend writes them.
std::string for_backend(std::string_view statement, const Dialect& dialect) {
  std::string out(statement);
  constexpr std::string_view kId = "{ID}", kBodyUnit = "{BODY_UNIT}";
  if (auto at = out.find(kId); at != std::string::npos) {
    out.replace(at, kId.size(), dialect.id_column());
  }
  if (auto at = out.find(kBodyUnit); at != std::string::npos) {
    out.replace(at, kBodyUnit.size(), dialect.json_text("body", "unit"));
  }
  return out;
}

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {{1, kVersion1}, {2, kVersion2}, {3, kVersion3},
                                             {4, kVersion4}, {5, kVersion5}, {6, kVersion6}};
  return all;
}

}  // namespace

int latest_schema_version() {
  return migrations().back().version;
}

Result<int> migrate(Connection& db) {
  return db.produce<int>([&](int& version) -> Result<void> {
    soci::session& sql = db.sql();
    Transaction tx(db, Transaction::Mode::Write);
    db.dialect().lock_for_migration(sql);  // one migrating process at a time
    sql << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
           " applied_at BIGINT NOT NULL)";
    soci::indicator present = soci::i_null;
    version = 0;
    sql << "SELECT MAX(version) FROM schema_version", soci::into(version, present);
    if (present != soci::i_ok) version = 0;
    if (version > latest_schema_version()) {
      return std::unexpected(Error{
          Error::Code::Schema, "the database has schema version " + std::to_string(version) +
                                   ", newer than this program's " +
                                   std::to_string(latest_schema_version()) + ": upgrade dojang"});
    }
    long long now = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    for (const Migration& migration : migrations()) {
      if (migration.version <= version) continue;
      for (std::string_view statement : migration.statements) {
        sql << for_backend(statement, db.dialect());
      }
      sql << "INSERT INTO schema_version (version, applied_at) VALUES (:v, :t)",
          soci::use(migration.version), soci::use(now);
      version = migration.version;
    }
    tx.commit();
    return {};
  });
}

}  // namespace dojang::store::detail
