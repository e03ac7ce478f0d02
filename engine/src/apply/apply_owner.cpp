// What a draft's owner does besides the procedure's own actions, and an opinion anyone who may
// act on an item can add:
//   edit     — in the start state, the drafter (or their deputy) changes the drafter's fields
//              (a returned draft is corrected this way before it is sent again);
//   withdraw — in the start state, the drafter closes the draft for good;
//   comment  — an opinion recorded in the history by a person who may act on the item now (or its
//              drafter); the item does not move.
// The procedure's own actions of those names come first: these are used only where it has none.

#include <algorithm>

#include "apply/runtime_detail.hpp"

namespace dojang::engine::detail {
Refusal not_owner(const Definition& def, const Instance& instance, const std::string& action,
                  const Principal& who) {
  return refusal(Refusal::Code::NotOwner,
                 quoted(action) + " on a draft in " + state_text(def, instance.state) +
                     " is for its drafter, " + instance.submitter + ", or their deputy; you are " +
                     (who.user.empty() ? std::string("nobody") : who.user));
}

namespace {

void record(Draft& draft, const std::string& kind, const Principal& who,
            const std::string& on_behalf_of, const Request& request) {
  draft.event.kind = kind;
  draft.event.action = request.action;
  draft.event.actor = who.user;
  draft.event.on_behalf_of = on_behalf_of;
  draft.event.comment = request.comment;
}

}  // namespace

bool is_owner(const Instance& instance, const Principal& who, std::string& on_behalf_of) {
  on_behalf_of.clear();
  if (instance.submitter.empty() || instance.submitter == kSystem) return false;
  if (who.user == instance.submitter) return true;
  if (const Principal::ActingFor* f = for_owner(instance, who)) {
    on_behalf_of = f->user;
    return true;
  }
  return false;
}

std::optional<std::optional<Refusal>> apply_owner_action(const Definition& def,
                                                         const Instance& instance,
                                                         const Request& request,
                                                         const Principal& who, Date now,
                                                         Step& out) {
  const std::string& action = request.action;
  if (action != "edit" && action != "withdraw" && action != "comment") return std::nullopt;
  std::string behalf;
  const bool owner = is_owner(instance, who, behalf);

  if (action == "comment") {
    if (!request.set.empty())
      return refusal(
          Refusal::Code::NotSettable,
          "a comment sets no field; " + quoted(request.set.front().field) + " was given");
    if (trim(request.comment).empty())
      return refusal(Refusal::Code::MissingComment, "a comment needs its text");
    // Those who may act on the item now may add an opinion, and its drafter; nobody else.
    if (!owner && allowed_actions(def, instance, who, now).empty()) {
      return refusal(Refusal::Code::WrongRole,
                     "a comment on an item is added by its drafter or by someone who may act on "
                     "it now; " +
                         principal_text(def, who));
    }
    Draft draft(def, instance, now, out);
    draft.org = who.organisation;
    record(draft, "comment", who, behalf, request);
    finish_into(draft);
    return std::optional<Refusal>();
  }

  if (instance.state != def.start) {
    return refusal(
        Refusal::Code::UnknownAction,
        quoted(action) + " is for a draft, in " + state_text(def, def.start) + "; the item is in " +
            state_text(def, instance.state) +
            (action == "edit" ? " (it can be edited when it is returned to its drafter)" : ""));
  }
  if (!owner) return not_owner(def, instance, action, who);

  if (action == "withdraw") {
    if (!request.set.empty())
      return refusal(
          Refusal::Code::NotSettable,
          "a withdrawal sets no field; " + quoted(request.set.front().field) + " was given");
    Draft draft(def, instance, now, out);
    draft.org = who.organisation;
    record(draft, "withdraw", who, behalf, request);
    draft.after.withdrawn = true;
    draft.after.timers.clear();
    finish_into(draft);
    return std::optional<Refusal>();
  }

  // edit
  if (request.set.empty())
    return refusal(Refusal::Code::MissingField,
                   "'edit' changes the drafter's fields and was given none");
  const std::vector<Index> drafter = drafter_fields(def);
  for (const Assignment& a : request.set) {
    const Index f = def.field_index(a.field);
    if (f != kNone && std::find(drafter.begin(), drafter.end(), f) == drafter.end())
      return refusal(Refusal::Code::NotSettable, not_drafters_text(def, f, drafter));
  }
  Draft draft(def, instance, now, out);
  draft.org = who.organisation;
  if (auto r = assign(draft, request.set, &drafter, "edit")) return r;
  draft.recompute();
  record(draft, "edit", who, behalf, request);
  finish_into(draft);
  return std::optional<Refusal>();
}

}  // namespace dojang::engine::detail
