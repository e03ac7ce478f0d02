#pragma once
// The small records the store hands back.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dojang/engine/runtime.hpp"

namespace dojang::store {

struct DeployOutcome {
  std::string name;
  int version = 0;
  bool created = false;  // false: the text was the same as the latest version's
};

struct DefinitionRecord {
  std::string name;
  int version = 0;
  std::string source;
  std::string hash;
  engine::Date deployed_at;
};

struct CommitOutcome {
  std::int64_t seq = 0;
  std::string hash;  // of the stored history event (hex SHA-256)
};

// The first result stored under an idempotency key.
struct IdempotentHit {
  std::string instance;
  std::int64_t seq = 0;
  engine::HistoryEvent event;
  std::string hash;
  std::string fingerprint;  // of the request, as given to commit ("" when none was)
};

struct StoredEvent {
  std::string instance;
  engine::HistoryEvent event;
  std::string hash;
  std::string prev_hash;  // "" for the first event
};

struct InstanceSummary {
  std::string id;
  std::string workflow;
  int version = 0;
  engine::Index state = engine::kNone;
  std::string state_name;  // the `to` of the latest event
  std::int64_t revision = 0;
  engine::Date updated_at;
  std::string submitter;
  bool final = false;
  std::string unit;  // the unit the item belongs to ("" without an organisation)
};

// What a list asks for (Store::list): every filter is optional; newest first by last change.
struct ListQuery {
  std::optional<std::string> workflow;    // one procedure
  std::optional<std::string> state_name;  // items waiting in (or finished in) this state
  std::optional<std::string> submitter;   // the drafter
  std::vector<std::string> units;         // items that belong to one of these units (empty: any)
  std::optional<bool> final;              // true: finished items only; false: open ones only
  std::optional<engine::Date> from, to;   // started at or after `from`, before `to`
  std::vector<std::string> words;         // each found in the item's values (as typed)
  int limit = 50;                         // rows at most
  int offset = 0;                         // rows skipped, for the next page
};

struct DueTimer {
  std::int64_t id = 0;  // the timer row, for release_timer
  std::string instance;
  engine::PendingTimer timer;
};

// An order to start another procedure, kept with the step that made it: event `seq` of
// `instance`, the `n`th start of that step (from 0).
struct StartOrderRow {
  std::string instance;
  std::int64_t seq = 0;
  int n = 0;
  engine::StartOrder order;
  engine::Date created_at;
  std::optional<std::string> started_instance;  // the item started for it, once it is
};

struct OutboxRow {
  std::int64_t id = 0;
  std::string instance;
  std::int64_t seq = 0;
  std::string role;
  std::string message;
  engine::Date created_at;
  std::optional<engine::Date> sent_at;
};

}  // namespace dojang::store
