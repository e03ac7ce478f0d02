#pragma once
// The engine at work: an Instance of a Definition, a Request to act on it, and apply(), which
// returns the Step to commit or a Refusal to show. Pure: no I/O, no clock (time comes in).

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/engine/definition.hpp"
#include "dojang/engine/expression.hpp"
#include "dojang/engine/organisation.hpp"
#include "dojang/engine/value.hpp"

namespace dojang::engine {

// Who is asking, as the directory sees them at `now`: their own roles, and the people they may
// act for (an absent approver's deputy, 대결) with those people's roles. A role held office-wide
// is its name ("office"); a role held in a unit is ROLE@UNIT ("handler@health_center"); the
// units a person heads are head@UNIT.
struct Principal {
  std::string user;
  std::vector<std::string> roles;
  struct ActingFor {
    std::string user;
    std::vector<std::string> roles;
  };
  std::vector<ActingFor> acting_for;
  std::string unit;  // the person's unit, or "" (what an item they start belongs to)
  // The office's units (in-unit roles, heads, unit fields); null: none, so that in-unit roles
  // are held only office-wide, heads are nobody and a unit field takes any unit id.
  const Organisation* organisation = nullptr;
};

// A pending timer of an instance; the store keeps them as rows and `tick` fires the due ones.
struct PendingTimer {
  Index state = kNone;  // set on entering this state
  Index timer = kNone;  // index into StateDef::timers
  Date due;
  bool operator==(const PendingTimer&) const = default;
};

// Lets the submitter take the item back while the next step has not acted.
struct RecallWindow {
  Index back_to = kNone;      // the state the item was sent from
  std::string user;           // who may recall
  std::int64_t revision = 0;  // valid while the instance is still at this revision
  bool operator==(const RecallWindow&) const = default;
};

struct Instance {
  std::string id;
  std::string workflow;
  int version = 0;
  Index state = kNone;
  std::vector<Value> slots;           // Definition::slot_count: fields, then derived values
  std::vector<ReviewRecord> reviews;  // of the current state's review round
  std::int64_t revision = 0;          // number of accepted events
  std::string submitter;              // who started it: its drafter and owner ("system" for an
                                      // item another item's step started)
  std::string unit;            // the unit it belongs to: where it was drafted, until `unit from`
  std::string drafted_in;      // the unit its submitter drafted it in (for `head of submitter unit`)
  std::vector<Index> trail;           // states left by forward moves, for `return_to previous`
  std::optional<RecallWindow> recall;
  std::vector<PendingTimer> timers;
  Date created_at, updated_at;
  bool withdrawn = false;  // its drafter withdrew the draft: closed, wherever it stands
  // Reminders sent so far: deadlines that only notify. They are history events but no revision
  // (see HistoryEvent::reminder); the store guards a commit by revision and reminders together.
  std::int64_t reminders = 0;
  bool operator==(const Instance&) const = default;
};

// A value written by a person: text as typed, parsed by the engine according to the field type.
struct Assignment {
  std::string field;
  std::string text;
};

struct Request {
  enum class Kind : std::uint8_t {
    Start,   // start a new instance (instance argument ignored); `action` unused
    Act,     // take `action`
    Review,  // record the principal's review in the current state's review block; with
             // action "recuse", their declared conflict of interest instead (no scores)
    Recall,  // the submitter takes the item back
    Fire,    // the system fires `timer` (from the store's timer rows)
  } kind = Kind::Act;
  std::string action;
  std::vector<Assignment> set;
  std::string comment;
  std::optional<std::int64_t> expected_revision;
  PendingTimer timer;  // Kind::Fire
  std::string new_id;  // Kind::Start: the id to give the instance (the store makes ids)
};

// One entry of an instance's history: exactly one per accepted request.
//
// A reminder (a `deadline` that only notifies: no action, no move) is an event too, but not a
// revision: it keeps the instance's revision, its updated_at and its recall window, so that
// whoever holds the item's revision can still act on it and the sender can still recall it.
// Its seq is the revision it was sent at, and `reminder` numbers it among the item's reminders
// (Instance::reminders after it), so that (seq, reminder) orders the whole history.
struct HistoryEvent {
  std::int64_t seq = 0;            // = the instance revision after the event (1 for the start)
  std::int64_t reminder = 0;       // 0, or a reminder's number (1, 2, ...) in the item
  std::string kind;                // start | act | review | recall | timer | reminder | return
  std::string action;              // the action, or the timer's description
  std::string actor;               // user id, or "system"
  std::string on_behalf_of;        // the absent approver acted for, or empty
  std::string from, to;            // state names ("" for the start's from)
  std::vector<std::string> route;  // decision states passed through, in order
  std::string comment;
  std::vector<std::pair<std::string, Value>> changes;  // field name -> new value
  std::vector<std::string> notes;                      // evaluation notes, e.g. division by zero
  Date at;
  bool operator==(const HistoryEvent&) const = default;
};

struct Notification {
  // Who hears of it: ROLE (its holders office-wide), ROLE@UNIT (its holders in that unit),
  // head@UNIT (the unit's head) or user:ID (one person: the submitter, a person field).
  std::string role;
  std::string message;  // placeholders already filled in
  bool operator==(const Notification&) const = default;
};

// Another procedure to start because of this step (`start WORKFLOW with ...`), with the values
// computed from this instance. The store keeps the order with the step, in the same transaction;
// the caller then starts the item (exactly once, even after a crash in between).
struct StartOrder {
  std::string workflow;
  std::vector<std::pair<std::string, Value>> values;  // field name -> value
  bool operator==(const StartOrder&) const = default;
};

// What to commit, atomically, for an accepted request.
inline constexpr std::string_view kWaitingPerson = "user:";

struct Step {
  Instance instance;  // the instance after the step (revision already incremented)
  HistoryEvent event;
  std::vector<Notification> notifications;
  // Who can act on the instance now, for inboxes: role names, ROLE@UNIT for an in-unit role,
  // head@UNIT for a unit's head, and kWaitingPerson + ID for a person named (the drafter of a
  // draft, the submitter of a `by submitter` action, a person field).
  std::vector<std::string> waiting_roles;
  std::vector<StartOrder> starts;
  bool final = false;  // the instance has reached a final state
};

struct Refusal {
  enum class Code : std::uint8_t {
    UnknownAction,
    WrongRole,
    GuardFalse,
    MissingField,
    MissingComment,
    BadValue,
    NotSettable,
    OutsideWindow,
    AlreadyFinal,
    StaleRevision,
    FourEyes,
    NotReviewer,
    AlreadyReviewed,
    NotRecallable,
    TimerGone,
    NoPrevious,      // `return_to previous` with no earlier state to go back to
    RouteLoop,       // decision states kept routing the item without reaching a resting state
    Tie,             // a ranking with `ties refuse` met equal items across a band boundary
    EmptyCohort,     // a ranking found no item to rank
    MixedVersions,   // a ranking's cohort runs on different versions of the procedure
    Recused,         // a committee member who declared a conflict of interest in the item
    StillScoring,    // a ranking (`while scoring refuse`) whose cohort is still being scored
    WaitForScoring,  // the same with `while scoring wait`: not run yet, to be tried again later
    NotOwner,        // a draft is worked on by its drafter (or their deputy) alone
  } code;
  std::string message;  // plain words for a member of staff, with labels from the procedure
};

// The code as a short stable word for machines: "unknown_action", "wrong_role", ...
[[nodiscard]] std::string_view code_name(Refusal::Code code);

using Outcome = std::expected<Step, Refusal>;

// Applies one request. `instance` is ignored for Kind::Start. Never throws for any input.
[[nodiscard]] Outcome apply(const Definition& definition, const Instance& instance,
                            const Request& request, const Principal& who, Date now);

// The same as apply, for hot loops that apply many requests one after another: the accepted
// step is written into `out`, a Step the caller keeps from one call to the next, so that its
// buffers (the instance's slots and strings, the event's strings and lists) are reused instead
// of allocated and freed for every step. Returns nullopt when accepted (`out` then holds exactly
// what apply would have returned, nothing of an earlier call), or the refusal apply would have
// returned (`out` then holds no meaningful step). `instance` may be `out.instance` itself, in
// which case a refusal leaves it as it was; or swap `out.instance` with your own Instance after
// each accepted step, which reuses the buffers of both. Use apply everywhere else.
[[nodiscard]] std::optional<Refusal> apply_into(const Definition& definition,
                                                const Instance& instance, const Request& request,
                                                const Principal& who, Date now, Step& out);

// The actions `who` may take now in the instance's state (for `show` and inboxes), by name.
[[nodiscard]] std::vector<std::string> allowed_actions(const Definition& definition,
                                                       const Instance& instance,
                                                       const Principal& who, Date now);

// The reviews of the instance that `who` may see. All of them, except while a `blind` review is
// under way in the item's current state with fewer reviews than its quorum: then only the
// reviews `who` gave (for themselves or standing in for someone) and declared conflicts.
[[nodiscard]] std::vector<ReviewRecord> visible_reviews(const Definition& definition,
                                                        const Instance& instance,
                                                        const Principal& who);

// Recomputes the derived values (lets, table outputs) of the instance's slots.
void recompute(const Definition& definition, Instance& instance, Date now,
               std::vector<EvalNote>* notes);

}  // namespace dojang::engine
