#pragma once
// engine::Definition: a compiled procedure. Immutable once built, shareable between threads,
// versioned by the hash of its source. Names are resolved to indexes; guards and derived
// values are compiled Expressions.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dojang/engine/expression.hpp"
#include "dojang/engine/value.hpp"

namespace dojang::engine {

using Index = std::uint32_t;
inline constexpr Index kNone = 0xFFFFFFFFu;

// Where a role's holders act (the directory gives each holding: office-wide, or in one unit):
//   Office       — `ROLE "label"`: office-wide holders only, on every item;
//   Unit         — `ROLE "label" in unit`: holders in the item's unit, and office-wide holders;
//   UnitAndBelow — `... in unit and below`: also holders in any unit above the item's.
struct RoleDef {
  std::string name, label;
  enum class Scope : std::uint8_t { Office, Unit, UnitAndBelow } scope = Scope::Office;
};

// Person: a person of the directory, by id (`approver person`); Unit: a unit of the directory,
// by id (`department unit`). Both are text in expressions.
enum class FieldKind : std::uint8_t { Text, Number, Money, Bool, Date, OneOf, Score, Person, Unit };

struct FieldType {
  FieldKind kind = FieldKind::Text;
  std::vector<std::string> values;  // OneOf
  double lo = 0, hi = 0;            // Score: inclusive range
  // Only whole numbers: a Score whose bounds are written without a decimal point (`score 1..5`),
  // or a Number declared `count` (then also 0 or more).
  bool whole = false;
};

struct FieldDef {
  std::string name, label;  // label defaults to the name
  FieldType type;
  bool required = false;    // must be set before the item leaves its start state
  Index slot = 0;
};

// A derived value (`let`), recomputed when its inputs change.
struct LetDef {
  std::string name;
  Type type = Type::Null;
  Index slot = 0;
  Expression expr;
  std::string source;  // the expression's text, for messages
};

enum class HitPolicy : std::uint8_t { First, Unique, Collect };

struct TableRow {
  std::vector<Expression> cells;    // boolean tests over Env::table_inputs, one per input
  std::vector<Expression> outputs;  // one per output column
};

struct TableOutput {
  std::string name;
  FieldType type;
  Index slot = 0;  // where the result is stored (a List for Collect)
};

struct TableDef {
  std::string name, label;
  HitPolicy hit = HitPolicy::First;
  std::vector<Expression> inputs;
  std::vector<TableOutput> outputs;
  std::vector<TableRow> rows;
};

// Derived values and tables, in an order where each step's inputs are computed before it.
struct DerivedStep {
  enum class Kind : std::uint8_t { Let, Table } kind = Kind::Let;
  Index index = 0;  // into Definition::lets or Definition::tables
};

// Calendar window `open MM-DD .. MM-DD`, inclusive; may wrap the year end (11-01 .. 02-28).
struct Window {
  int from_month = 1, from_day = 1, to_month = 12, to_day = 31;
};

// Who may take an action, or who hears of one.
//   Role      — the holders of a role, in the role's scope (RoleDef::Scope);
//   Submitter — the item's submitter (its drafter and owner);
//   Anyone    — anyone in the directory (actions only);
//   Head      — the head of a unit: of the item's unit, of the unit above it, or of the unit the
//               submitter drafted it in. A unit without a head, or whose head is the submitter
//               (nobody approves their own document), passes to the next head above;
//   Person    — the person named in a `person` field.
struct Actor {
  enum class Kind : std::uint8_t { Role, Submitter, Anyone, Head, Person } kind = Kind::Role;
  enum class Of : std::uint8_t { Unit, ParentUnit, SubmitterUnit } of = Of::Unit;  // Head
  Index role = kNone;   // Kind::Role
  Index field = kNone;  // Kind::Person: a field index
};

struct NotifyDef {
  Actor to;             // Role, Submitter, Head or Person
  std::string message;  // with {field} placeholders, resolved when sent
};

// `start WORKFLOW with field = expr, ...`: an effect of an action that starts another procedure
// (its latest deployed version). The values are computed from this instance when the action is
// taken; the new item's history says which item started it.
struct StartDef {
  std::string workflow;
  struct Assignment {
    std::string field;   // a field of the other procedure (checked at deploy, not compile, time)
    Expression expr;     // over this instance's slots
    std::string source;  // the expression's text, for messages
  };
  std::vector<Assignment> assignments;
};

struct ActionDef {
  std::string name;
  Actor by;
  enum class Target : std::uint8_t { State, Previous, Stay } target_kind = Target::State;
  Index target = kNone;  // Target::State
  std::optional<Expression> guard;
  std::string guard_source;        // the guard's text, for refusals
  std::vector<Index> guard_slots;  // the slots the guard reads (fields, lets, table outputs)
  std::vector<Index> requires_fields;  // fields that must be set (non-null) to take it
  std::vector<Index> sets;             // fields the actor supplies with the action
  bool with_comment = false;
  bool not_by_submitter = false;   // separation of duties: the submitter may not take it
  bool recallable = false;         // the actor may take the item back while the target has not acted
  bool is_return = false;          // written as `return_to`: a send-back, recorded as such
  std::optional<Window> window;
  std::vector<NotifyDef> notifies;
  std::vector<StartDef> starts;
  std::uint32_t line = 0;          // where it is declared
};

struct TimerDef {
  enum class Kind : std::uint8_t { Deadline, After } kind = Kind::Deadline;
  Duration delay;
  // Deadline: fire `action` (an action of the same state, taken by the system) and/or notify.
  // After: move to `target`.
  Index action = kNone;
  Index target = kNone;
  std::vector<NotifyDef> notifies;
};

struct CriterionDef {
  std::string name, label;
  double lo = 0, hi = 0;
  bool whole = false;  // as FieldType::whole
};

struct ReviewDef {
  Index block = 0;  // ReviewRecord::block
  Index role = kNone;
  int quorum = 1;
  std::vector<CriterionDef> criteria;
  bool vote = false;          // each reviewer also approves or rejects
  bool blind = false;         // members see others' reviews only once the quorum is reached
  Index then_target = kNone;  // where the item goes once the quorum is reached (kNone: stays)
};

struct RouteDef {  // a branch of a decision state
  std::optional<Expression> guard;  // none: `else`
  std::string guard_source;
  std::vector<Index> guard_slots;
  Index target = kNone;
};

// `rank NAME by ROLE [per FIELD] "label" { order EXPR desc|asc, ...  ties share|refuse|earliest
//   [while scoring refuse|wait]  [place into FIELD]  top N -> STATE  next N -> STATE ...
//   rest -> STATE  [at MM-DD] }`
// One decision across a cohort: every item of the procedure waiting in this state with the same
// value of the group field (all of them when there is none) is ranked by the order keys (later
// keys break ties of earlier ones) and moved by its place: the first `count` places to the first
// band's target, the next `count` to the second, ..., `rest` (count 0) takes the others.
// Places are competition places (1, 1, 3, ...). Items still equal after every key:
//   share    — they share the place, and a band takes every item whose place falls inside it;
//   refuse   — the ranking is refused when such a tie straddles a band boundary (a person decides);
//   earliest — the item started earlier comes first (then the smaller id).
// A null key sorts after every value. Triggered by a holder of ROLE (`dojang rank`) or, with
// `at MM-DD`, by the first `tick` on or after that day (Korea time); each group is ranked once.
struct RankKey {
  Expression expr;
  std::string source;  // the expression's text, for tables and messages
  bool descending = true;
};

struct RankBand {
  int count = 0;  // places this band takes; 0 = `rest` (everything after the earlier bands)
  Index target = kNone;
};

enum class TieRule : std::uint8_t { Share, Refuse, Earliest };

// `while scoring refuse|wait`: what a ranking does while items of its cohort's group are still
// being scored (waiting in a state with a review that leads to the ranking's state, or in the
// ranking's own state with its review short of the quorum). Ranking then would leave them out:
//   refuse — the ranking is refused (Refusal::Code::StillScoring), the default;
//   wait   — the ranking is not run yet (Refusal::Code::WaitForScoring); `tick` tries again on a
//            later tick, a person once they are scored.
enum class ScoringRule : std::uint8_t { Refuse, Wait };

struct MonthDay {
  int month = 1, day = 1;
  bool operator==(const MonthDay&) const = default;
};

struct RankingDef {
  std::string name, label;
  Index role = kNone;         // who may trigger it
  Index group = kNone;        // a field index; kNone: the whole state is one cohort
  std::vector<RankKey> order;
  TieRule ties = TieRule::Refuse;
  ScoringRule while_scoring = ScoringRule::Refuse;
  Index place_field = kNone;  // a number field that receives the place, or kNone
  std::vector<RankBand> bands;
  std::optional<MonthDay> at;
  std::uint32_t line = 0;
};

enum class StateKind : std::uint8_t { Normal, Decision, Final };

struct StateDef {
  std::string name, label;
  StateKind kind = StateKind::Normal;
  std::vector<ActionDef> actions;
  std::vector<TimerDef> timers;
  std::optional<ReviewDef> review;
  std::optional<RankingDef> ranking;  // at most one per state
  std::vector<RouteDef> routes;       // Decision states
};

struct Definition {
  std::string name, label;
  std::string source_hash;  // SHA-256 of the source text, hex
  std::vector<RoleDef> roles;
  std::vector<FieldDef> fields;
  std::vector<LetDef> lets;
  std::vector<TableDef> tables;
  std::vector<DerivedStep> derived;
  std::vector<StateDef> states;
  Index start = 0;
  Index slot_count = 0;  // fields, then lets, then table outputs
  // `unit from FIELD`: the unit field whose value is the item's unit once set (a complaint's
  // assigned division); kNone: the item stays in the unit its submitter drafted it in.
  Index unit_field = kNone;

  [[nodiscard]] Index state_index(std::string_view name) const;
  [[nodiscard]] Index field_index(std::string_view name) const;
  [[nodiscard]] Index role_index(std::string_view name) const;
};

// An actor as the procedure writes it: "clerk", "submitter", "head of unit", "approver".
[[nodiscard]] std::string actor_words(const Definition& def, const Actor& actor);

}  // namespace dojang::engine
