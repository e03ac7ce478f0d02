#pragma once
// How instances, values and history events read, for people (labels from the procedure: Korean
// as written) and for machines (JSON). Shared by start, act, show, history, inbox and tick.

#include <string>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "dojang/engine/definition.hpp"
#include "dojang/engine/runtime.hpp"

namespace dojang::cli {

// "혁신기획단 검토 (office_check)"; the bare name when there is no label (or no such state).
[[nodiscard]] std::string state_title(const engine::Definition& def, const std::string& name);
[[nodiscard]] std::string state_title(const engine::Definition& def, engine::Index state);
// The label alone ("혁신기획단 검토"); the name when there is none.
[[nodiscard]] std::string state_label(const engine::Definition& def, const std::string& name);
[[nodiscard]] std::string state_name(const engine::Definition& def, engine::Index state);

// "혁신기획단 (office)", the bare name for an unknown role.
[[nodiscard]] std::string role_title(const engine::Definition& def, const std::string& role);

// A field or review criterion named in a history change: "과제명 (title)", "독창성 (review.x)".
[[nodiscard]] std::string change_title(const engine::Definition& def, const std::string& name);

// A value for people: "-" for null, text as typed, 12.5, 2007-02-28, 14d, 1,000,000원 for
// money, "a, b" for lists.
[[nodiscard]] std::string value_text(const engine::Value& value);
// A value for machines: null, true, 12.5, "text", "2007-02-28", "14d", money as its canonical
// text "1000000.5", [..].
[[nodiscard]] boost::json::value value_json(const engine::Value& value);

// `ID: STATE_LABEL (state) — revision N`.
[[nodiscard]] std::string outcome_line(const engine::Definition& def, const std::string& id,
                                       const std::string& state, std::int64_t revision);

// "  notify 혁신기획단 (office): 'x' 검토 기한이 지났습니다".
[[nodiscard]] std::string notification_line(const engine::Definition& def,
                                            const engine::Notification& n);
[[nodiscard]] boost::json::object notification_json(const engine::Definition& def,
                                                    const engine::Notification& n);

// id, workflow, procedure (label), version, state, state_label, revision, submitter, final,
// created_at, updated_at.
[[nodiscard]] boost::json::object instance_json(const engine::Definition& def,
                                                const engine::Instance& instance);

// seq, at, kind, action, actor, on_behalf_of, from, to (and their labels), route, comment,
// changes, notes.
[[nodiscard]] boost::json::object event_json(const engine::Definition& def,
                                             const engine::HistoryEvent& event);

// The event as a block of lines for `dojang history`:
//   #2  2007-01-20T00:00:00Z  act submit  by kim (for park)
//       작성 (draft) → 혁신기획단 검토 (office_check)
//       comment: ...
//       과제명 (title) = ...
[[nodiscard]] std::string event_text(const engine::Definition& def,
                                     const engine::HistoryEvent& event);

}  // namespace dojang::cli
