#pragma once
// The parts of engine::apply, shared between the processors (one per kind of request: start, act,
// review, recall, fire). Private to the engine.

#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/engine/runtime.hpp"

namespace dojang::engine::detail {

inline constexpr std::string_view kSystem = "system";  // the actor of timers
inline constexpr int kMaxRouteHops = 100;              // decision states passed in one step

[[nodiscard]] inline std::unexpected<Refusal> refuse(Refusal::Code code, std::string message) {
  return std::unexpected(Refusal{code, std::move(message)});
}

[[nodiscard]] inline Refusal refusal(Refusal::Code code, std::string message) {
  return Refusal{code, std::move(message)};
}

// Copies `from` unless `to` holds it already: a reused Step mostly does (the same procedure,
// actor, kind of event), and comparing is cheaper than copying.
inline void assign_text(std::string& to, const std::string& from) {
  if (to != from) to = from;
}

// ---- the step being built (runtime_draft.cpp) ----------------------------------------------

// The instance after the request, the history event and what to notify, built up by a
// processor directly in a Step (the caller's, for apply_into, or one of its own) and completed
// by finish_into(). The event's kind, action, actor, on_behalf_of and comment keep what the
// Step held before: every processor sets all five.
struct Draft {
  // Builds in a Step of its own (take it with finish()).
  Draft(const Definition& definition, const Instance& original, Date at);
  // Builds in `into`, whose earlier content is overwritten (its buffers are reused).
  // `original` must not be `into.instance`.
  Draft(const Definition& definition, const Instance& original, Date at, Step& into);
  Draft(const Draft&) = delete;
  Draft& operator=(const Draft&) = delete;

 private:
  std::optional<Step> m_own;  // engaged by the first constructor only

 public:
  const Definition& def;
  const Instance& before;
  Date now;
  Step& step;
  Instance& after;                       // step.instance: a copy of `before`, recall window closed
  HistoryEvent& event;                   // step.event
  std::vector<std::string>& notes;       // step.event.notes: notes for the history, no repeats
  std::vector<const NotifyDef*> notify;  // filled in with the final values by finish_into()
  std::vector<const StartDef*> starts;   // `start` effects, evaluated by finish_into() likewise
  std::vector<EvalNote> eval_notes;      // what evaluation recorded, added to `notes` at the end
  const Organisation* org = nullptr;     // the office's units (Principal::organisation)
  // A reminder (a deadline that only notifies): finish_into keeps the revision, updated_at and
  // recall window of `before` and numbers the event among the item's reminders.
  bool reminder = false;

  [[nodiscard]] Env env() {
    Env e;
    e.slots = after.slots;
    e.reviews = after.reviews;
    e.now = now;
    e.notes = &eval_notes;
    return e;
  }
  // The derived values of `after`, collecting notes (nothing to do for a procedure without any).
  void recompute() {
    if (!def.derived.empty() || after.slots.size() != def.slot_count)
      engine::recompute(def, after, now, &eval_notes);
  }
  void note(std::string text);
  [[nodiscard]] const StateDef& state() const { return def.states[after.state]; }
};

// Completes the accepted step in place: revision + 1 (none for a reminder), the changes,
// notifications, waiting roles.
void finish_into(Draft& draft);
// The same, and the Step taken out of the draft.
[[nodiscard]] Step finish(Draft& draft);

// AlreadyFinal, StaleRevision, and an instance that does not fit the definition.
[[nodiscard]] std::optional<Refusal> check_open(const Definition& def, const Instance& instance,
                                                const Request& request);
[[nodiscard]] std::optional<Refusal> check_revision(const Instance& instance,
                                                    const Request& request);

// ---- moving between states (runtime_moves.cpp) ---------------------------------------------

enum class Move : std::uint8_t {
  Forward,  // push the state left on the trail
  Return,   // `return_to STATE`: pop the trail down to the target
  Back,     // the trail is already adjusted (return_to previous)
  Recall,   // undo the forward move that led here
};

// Leaves the current state (timers cleared) and enters `target` (timers set, a new review
// round, decision states routed through). Refuses when a decision chain does not end.
[[nodiscard]] std::optional<Refusal> move_to(Draft& draft, Index target, Move how);

// Takes a chosen action in the draft: sets the event kind, moves, queues notifications,
// opens the recall window. `actor` is who acts ("system" for timers).
[[nodiscard]] std::optional<Refusal> take_action(Draft& draft, const ActionDef& action,
                                                 const std::string& actor);

// ---- choosing among same-named actions (apply_act.cpp) --------------------------------------

inline const std::string kNobody;  // acting for nobody: acting directly

struct Choice {
  const ActionDef* action = nullptr;
  const std::string* on_behalf_of = &kNobody;  // whom the person acts for (kNobody: directly)
};

// Among permitted candidates (in declaration order), the first whose guard holds on the draft's
// values; then requires, fields required to leave the start state, and the comment. The choice
// points into `candidates`.
[[nodiscard]] std::expected<const Choice*, Refusal> choose(Draft& draft,
                                                           std::span<const Choice> candidates,
                                                           std::string_view comment,
                                                           bool need_comment);

// ---- what the owner of a draft does besides its actions (apply_owner.cpp) ----------------------

// `edit` (set the drafter's fields, stay), `withdraw` (close the draft), `comment` (an opinion
// on the record, the item does not move): nullopt when `request.action` is none of them.
[[nodiscard]] std::optional<std::optional<Refusal>> apply_owner_action(const Definition& def,
                                                                       const Instance& instance,
                                                                       const Request& request,
                                                                       const Principal& who,
                                                                       Date now, Step& out);
// "'submit' on a draft in 작성 (draft) is for its drafter, kim, or their deputy; you are lee".
[[nodiscard]] Refusal not_owner(const Definition& def, const Instance& instance,
                                const std::string& action, const Principal& who);
// Whether `who` is the owner of the draft or acts for them (their deputy); the latter's name in
// `on_behalf_of`.
[[nodiscard]] bool is_owner(const Instance& instance, const Principal& who,
                            std::string& on_behalf_of);

// ---- who may act (runtime_permission.cpp) -----------------------------------------------------

// Whether `who` may act as `by`: nullopt if not; "" directly; a user name when deputising for
// that user. A direct right wins over deputising.
[[nodiscard]] std::optional<std::string> acts_as(const Definition& def, const Instance& instance,
                                                 const Actor& by, const Principal& who);
// The same without making a string: null if not; &kNobody directly; else the user deputised
// for (pointing into `who` or `instance`).
[[nodiscard]] const std::string* acting_for(const Definition& def, const Instance& instance,
                                            const Actor& by, const Principal& who);
// The same, as if the draft were not its owner's alone (to tell a wrong role from a stranger).
[[nodiscard]] const std::string* acting_for_anyone(const Definition& def, const Instance& instance,
                                                   const Actor& by, const Principal& who);
// Whether the item is a draft that only its owner works on: in the start state, owned by a
// person (not the system, for an item another item's step started).
[[nodiscard]] bool owner_only(const Definition& def, const Instance& instance);
// The owner's deputy among those `who` acts for, or null.
[[nodiscard]] const Principal::ActingFor* for_owner(const Instance& instance, const Principal& who);
// The drafter's fields: those required to leave the start state (`required`, or `requires` of a
// start-state action), and those that no other person's action sets later: set by no action, by
// an action of the start state, or by an action `by submitter` (a correction asked for later).
// Start and the start state's actions may set them.
[[nodiscard]] std::vector<Index> drafter_fields(const Definition& def);
// "'X' is filled in later, by 'a' in STATE; the drafter fills in only: ..." for a field that is
// not the drafter's.
[[nodiscard]] std::string not_drafters_text(const Definition& def, Index field,
                                            const std::vector<Index>& drafter);
// Whether `held` (a person's roles: ROLE office-wide, ROLE@UNIT in a unit) includes `role` for
// this item, in the role's scope (RoleDef::Scope).
[[nodiscard]] bool holds(const Definition& def, Index role, const std::vector<std::string>& held,
                         const Instance& instance, const Organisation* organisation);
// "" when `who` holds `role` for the item; the user they act for when only through a deputyship;
// nullopt when neither.
[[nodiscard]] std::optional<std::string> holds_role(const Definition& def, Index role,
                                                    const Principal& who, const Instance& instance);
// The unit whose head acts as `head of ...` on the item (see Actor::Kind::Head), or null.
[[nodiscard]] const Unit* head_unit(const Organisation* organisation, const Instance& instance,
                                    Actor::Of of);
// The person a `person` field actor names (null while the field is empty).
[[nodiscard]] const std::string* named_person(const Definition& def, const Instance& instance,
                                              const Actor& by);
// Separation of duties: the actor, or the person acted for, submitted the item.
[[nodiscard]] bool four_eyes_block(const ActionDef& action, const Instance& instance,
                                   const std::string& actor, const std::string& on_behalf_of);
// Month and day in Korea (UTC+9): a window's days are the office's calendar days.
[[nodiscard]] bool in_window(const Window& window, Date now);
[[nodiscard]] std::string window_text(const Window& window);             // "01-01 .. 02-28"
[[nodiscard]] std::string korean_month_day(Date now);                    // "03-05"
[[nodiscard]] std::string role_text(const Definition& def, Index role);  // 라벨 (name)
[[nodiscard]] std::string actor_text(const Definition& def, const Actor& by);
[[nodiscard]] std::string principal_text(const Definition& def, const Principal& who);

// ---- committee reviews (apply_review.cpp) ------------------------------------------------------

struct Reviewer {
  std::string user;          // whose review it is: `who`, or the absent member acted for
  std::string on_behalf_of;  // empty when `who` reviews for themselves
};
struct ReviewerLookup {
  bool holds_role = false;  // `who`, or someone they act for, holds the review's role
  // The first of them (`who` first) whose review `who` may give now: not yet given in this
  // round, not their own item, no declared conflict; empty when `who` has given one already.
  std::optional<Reviewer> next;
  // Why there is no `next`, for the refusal (the first reason met, `who` first).
  std::optional<Refusal> why_not;
};
[[nodiscard]] ReviewerLookup find_reviewer(const Definition& def, const Instance& instance,
                                           const ReviewDef& review, const Principal& who);

// ---- values (runtime_values.cpp) -------------------------------------------------------------

// Parses what a person typed for a field of this type; the error is the message of a BadValue.
[[nodiscard]] std::expected<Value, std::string> parse_value(const FieldType& type,
                                                            std::string_view text,
                                                            std::string_view label);
[[nodiscard]] std::optional<bool> parse_vote(std::string_view text);
// A value as a person reads it: 12.5, text as is, 2024-01-31, money as 1,000,000원, "-" for null.
[[nodiscard]] std::string plain(const Value& v);
[[nodiscard]] std::string quoted(std::string_view s);  // 'text'
[[nodiscard]] std::string_view trim(std::string_view s);
[[nodiscard]] std::string slot_name(const Definition& def, Index slot);    // field, let, table.out
[[nodiscard]] std::string field_text(const FieldDef& field);               // 'label'
[[nodiscard]] std::string state_text(const Definition& def, Index state);  // 라벨 (name)
// " (total = 55, kpi = -)": the values of the slots a condition reads; empty when none.
[[nodiscard]] std::string values_seen(const Definition& def, const Instance& instance,
                                      const std::vector<Index>& slots);
[[nodiscard]] std::string join(const std::vector<std::string>& items, std::string_view sep);

// Applies typed-in values to the draft's fields. `settable` null: any field (the start).
[[nodiscard]] std::optional<Refusal> assign(Draft& draft, const std::vector<Assignment>& set,
                                            const std::vector<Index>* settable,
                                            std::string_view action);

// ---- notifications (runtime_notify.cpp) -------------------------------------------------------

// `message` with {field}, {let} and {table.output} replaced by the instance's values; a unit
// field reads as the unit's name when `org` knows it (총무과, not general_affairs).
[[nodiscard]] std::string fill_message(const Definition& def, const Instance& instance,
                                       std::string_view message, const Organisation* org);

// 반려: when a return sends the item back to its first state, a note to its submitter (their
// item waits for them again), unless the submitter returned it themselves or there is none.
[[nodiscard]] std::optional<Notification> returned_notice(const Definition& def,
                                                          const Instance& before,
                                                          const Instance& after,
                                                          const HistoryEvent& event);

// ---- other procedures to start (runtime_starts.cpp) -------------------------------------------

// The draft's `start` effects with their values computed from the instance after the step (null
// stays null); evaluation notes go to the draft.
[[nodiscard]] std::vector<StartOrder> start_orders(Draft& draft);

// ---- the processors --------------------------------------------------------------------------

// Each builds the accepted step in `out` (see apply_into) or returns why not.
[[nodiscard]] std::optional<Refusal> apply_start(const Definition& def, const Request& request,
                                                 const Principal& who, Date now, Step& out);
[[nodiscard]] std::optional<Refusal> apply_act(const Definition& def, const Instance& instance,
                                               const Request& request, const Principal& who,
                                               Date now, Step& out);
[[nodiscard]] std::optional<Refusal> apply_review(const Definition& def, const Instance& instance,
                                                  const Request& request, const Principal& who,
                                                  Date now, Step& out);
[[nodiscard]] std::optional<Refusal> apply_recall(const Definition& def, const Instance& instance,
                                                  const Request& request, const Principal& who,
                                                  Date now, Step& out);
// `who` is the system (its organisation resolves who waits next).
[[nodiscard]] std::optional<Refusal> apply_fire(const Definition& def, const Instance& instance,
                                                const Request& request, const Principal& who,
                                                Date now, Step& out);

}  // namespace dojang::engine::detail
