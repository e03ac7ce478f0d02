#pragma once
// The values the use cases return. They hold the compiled procedure an item runs on, so that a
// front end can show labels without asking again.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/source_file.hpp"
#include "dojang/engine/cohort.hpp"
#include "dojang/engine/definition.hpp"
#include "dojang/engine/runtime.hpp"
#include "dojang/store/audit_report.hpp"
#include "dojang/store/ranking_run.hpp"
#include "dojang/store/records.hpp"

namespace dojang::app {

// A compiled version of a deployed procedure.
struct Procedure {
  std::shared_ptr<const engine::Definition> definition;
  int version = 0;
};

// --- deploy, definitions, directory ---------------------------------------------------------

struct Deployed {
  std::string file;
  store::DeployOutcome outcome;
  std::string hash;
};

struct DeployReport {
  std::vector<dsl::CompileResult> compiled;  // one per file, in order (diagnostics)
  std::vector<std::string> start_problems;   // "FILE:LINE: 'a' starts 'b', which ..."
  std::vector<Deployed> deployed;            // empty unless every file compiled and fits
  [[nodiscard]] bool compiled_ok() const;
  [[nodiscard]] bool ok() const { return compiled_ok() && start_problems.empty(); }
};

struct DefinitionInfo {
  store::DefinitionRecord record;
  std::string label;
  bool compiles = true;  // false: the stored text no longer compiles (label is then empty)
};

struct DirectoryLoaded {
  std::size_t units = 0;
  std::size_t people = 0;
  std::size_t roles = 0;  // role holdings, summed over people
  std::size_t deputies = 0;
};

// --- requests: start, act, review, recall ---------------------------------------------------

struct RequestInput {
  engine::Request request;  // kind, action, set, comment, expected_revision
  std::string instance;     // the item acted on (not for Start)
  std::string workflow;     // the procedure to start (Start only)
  std::string user;         // who asks
  std::string key;          // an idempotency key, may be empty
};

// An item started by another item's step (`start WORKFLOW with ...`), or why it could not be.
struct ChildStart {
  std::string parent;    // the item whose step ordered it
  std::int64_t seq = 0;  // that step's event
  int n = 0;             // which `start` of the step
  std::string workflow;  // the procedure started
  std::string label;     // its label, when known
  std::string id;        // the item started; empty when it could not be started
  std::string message;   // why not, when it could not
  [[nodiscard]] bool ok() const { return !id.empty(); }
};

struct RequestResult {
  std::shared_ptr<const engine::Definition> definition;
  std::string id;  // the item (the new one for a start)
  engine::HistoryEvent event;
  std::vector<engine::Notification> notifications;  // empty when replayed
  std::optional<engine::Instance> instance;         // the item after; not when replayed
  bool replayed = false;  // the key was used before for this request: its first result
  std::vector<ChildStart> started;
};

// --- reads ----------------------------------------------------------------------------------

struct InboxEntry {
  Procedure procedure;
  engine::Instance instance;
  std::vector<std::string> actions;       // what the person may do now
  std::vector<std::string> on_behalf_of;  // the absent people whose roles open some of them
};

struct ItemView {
  Procedure procedure;
  engine::Instance instance;  // reviews as the person may see them (blind scoring)
  std::optional<std::vector<std::string>> actions;  // when asked as someone
};

// `list`: the filters, by day in the office's calendar (both days included).
struct ListQuery {
  std::optional<std::string> workflow, state, submitter;
  std::optional<std::string> unit;              // its items and those of the units below it
  std::optional<bool> finished;                 // true: finished only; false: open only
  std::optional<std::string> from_day, to_day;  // "YYYY-MM-DD"
  std::string words;                            // words of the title (or any text field)
  int limit = 50;                               // 1 .. 1000
  int offset = 0;
};

struct ListEntry {
  store::InstanceSummary summary;
  std::shared_ptr<const engine::Definition> definition;  // null when its text no longer compiles
  std::string title;                                     // the first text field, or the id
};

struct ListPage {
  std::vector<ListEntry> items;
  bool more = false;  // another page follows (at offset + items.size())
};

struct HistoryView {
  Procedure procedure;
  engine::Instance instance;
  std::vector<store::StoredEvent> events;
};

// --- rankings and the clock -----------------------------------------------------------------

struct RankDone {
  std::shared_ptr<const engine::Definition> definition;  // the members' version
  engine::Index state = engine::kNone;
  engine::Ranking ranking;
  store::RankingRun run;
};

struct FiredTimer {
  enum class Fate { Fired, Gone, Retry, Failed } fate = Fate::Failed;
  std::string instance;
  std::string message;                                   // why, when not fired
  std::shared_ptr<const engine::Definition> definition;  // when fired
  engine::HistoryEvent event;                            // when fired
  std::int64_t revision = 0;
  std::vector<engine::Notification> notifications;
};

struct TickedRanking {
  std::string workflow, ranking, group;
  std::optional<RankDone> done;  // empty: it failed, and message says why
  std::string message;
  [[nodiscard]] bool ok() const { return done.has_value(); }
};

struct TickReport {
  std::vector<FiredTimer> timers;
  std::vector<ChildStart> started;
  std::vector<TickedRanking> rankings;
  [[nodiscard]] std::size_t fired() const;
  [[nodiscard]] std::size_t failed() const;  // timers, starts and rankings that failed
};

}  // namespace dojang::app
