// Start: a new instance at the start state, with the values its starter typed in.

#include <algorithm>

#include "apply/runtime_detail.hpp"

namespace dojang::engine::detail {

std::optional<Refusal> apply_start(const Definition& def, const Request& request,
                                   const Principal& who, Date now, Step& out) {
  if (def.start >= def.states.size()) {
    return refusal(Refusal::Code::UnknownAction,
                   "procedure '" + def.name + "' has no start state; it cannot be started");
  }
  // Anyone known to the directory may start an item; the roles matter from the first action on.
  if (trim(who.user).empty()) {
    return refusal(Refusal::Code::WrongRole, "an item is started by a person; say who");
  }
  Instance blank;
  blank.slots.resize(def.slot_count);
  Draft draft(def, blank, now, out);
  draft.org = who.organisation;
  Instance& in = draft.after;
  in.id = request.new_id;
  in.workflow = def.name;
  in.submitter = who.user;
  in.unit = who.unit;  // drafted in the starter's unit (until `unit from` routes it)
  in.drafted_in = who.unit;
  in.created_at = now;
  // The drafter fills in the drafter's fields; the others belong to later steps. (An item that
  // another item's step starts is the system's: its `start ... with` is part of the procedure.)
  if (who.user != kSystem) {
    const std::vector<Index> drafter = drafter_fields(def);
    for (const Assignment& a : request.set) {
      const Index f = def.field_index(a.field);
      if (f != kNone && std::find(drafter.begin(), drafter.end(), f) == drafter.end())
        return refusal(Refusal::Code::NotSettable, not_drafters_text(def, f, drafter));
    }
  }
  if (auto r = assign(draft, request.set, nullptr, "start")) return r;
  draft.recompute();
  draft.event.kind = "start";
  draft.event.action = "start";
  draft.event.actor = who.user;
  draft.event.on_behalf_of.clear();
  draft.event.comment = request.comment;
  if (auto r = move_to(draft, def.start, Move::Back)) return r;
  finish_into(draft);
  return std::nullopt;
}

}  // namespace dojang::engine::detail
