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

// ---- the step being built (runtime_draft.cpp) ----------------------------------------------

// The instance after the request, the history event and what to notify, built up by a
// processor and turned into a Step by finish().
struct Draft {
  Draft(const Definition& definition, const Instance& original, Date at);

  const Definition& def;
  const Instance& before;
  Date now;
  Instance after;  // starts as a copy of `before`, with the recall window closed
  HistoryEvent event;
  std::vector<const NotifyDef*> notify;  // filled in with the final values by finish()
  std::vector<std::string> notes;        // notes for the history, without repeats
  std::vector<EvalNote> eval_notes;      // what evaluation recorded, added to `notes` at the end

  [[nodiscard]] Env env();
  void recompute();  // the derived values of `after`, collecting notes
  void note(std::string text);
  [[nodiscard]] const StateDef& state() const { return def.states[after.state]; }
};

// The accepted step: revision + 1, the changes, notifications, waiting roles.
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

struct Choice {
  const ActionDef* action = nullptr;
  std::string on_behalf_of;
};

// Among permitted candidates (in declaration order), the first whose guard holds on the draft's
// values; then requires, fields required to leave the start state, and the comment.
[[nodiscard]] std::expected<Choice, Refusal> choose(Draft& draft,
                                                    std::span<const Choice> candidates,
                                                    std::string_view comment, bool need_comment);

// ---- who may act (runtime_permission.cpp) -----------------------------------------------------

// Whether `who` may act as `by`: nullopt if not; "" directly; a user name when deputising for
// that user. A direct right wins over deputising.
[[nodiscard]] std::optional<std::string> acts_as(const Definition& def, const Instance& instance,
                                                 const Actor& by, const Principal& who);
[[nodiscard]] std::optional<std::string> holds_role(const Definition& def, Index role,
                                                    const Principal& who);
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
  // The first of them (`who` first) who has not reviewed in this round yet.
  std::optional<Reviewer> next;
};
[[nodiscard]] ReviewerLookup find_reviewer(const Definition& def, const Instance& instance,
                                           const ReviewDef& review, const Principal& who);

// ---- values (runtime_values.cpp) -------------------------------------------------------------

// Parses what a person typed for a field of this type; the error is the message of a BadValue.
[[nodiscard]] std::expected<Value, std::string> parse_value(const FieldType& type,
                                                            std::string_view text,
                                                            std::string_view label);
[[nodiscard]] std::optional<bool> parse_vote(std::string_view text);
// A value as a person reads it: 12.5, text as is, 2024-01-31, "-" for null.
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

// `message` with {field}, {let} and {table.output} replaced by the instance's values.
[[nodiscard]] std::string fill_message(const Definition& def, const Instance& instance,
                                       std::string_view message);

// ---- the processors --------------------------------------------------------------------------

[[nodiscard]] Outcome apply_start(const Definition& def, const Request& request,
                                  const Principal& who, Date now);
[[nodiscard]] Outcome apply_act(const Definition& def, const Instance& instance,
                                const Request& request, const Principal& who, Date now);
[[nodiscard]] Outcome apply_review(const Definition& def, const Instance& instance,
                                   const Request& request, const Principal& who, Date now);
[[nodiscard]] Outcome apply_recall(const Definition& def, const Instance& instance,
                                   const Request& request, const Principal& who, Date now);
[[nodiscard]] Outcome apply_fire(const Definition& def, const Instance& instance,
                                 const Request& request, Date now);

}  // namespace dojang::engine::detail
