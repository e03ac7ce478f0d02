// engine::apply: one processor per kind of request; allowed_actions for inboxes and `show`.

#include "dojang/engine/runtime.hpp"

#include <algorithm>

#include "apply/runtime_detail.hpp"

namespace dojang::engine {

namespace {

std::optional<Refusal> dispatch(const Definition& definition, const Instance& instance,
                                const Request& request, const Principal& who, Date now, Step& out) {
  // A field (or score) given twice in one request: which value was meant is not ours to guess.
  for (std::size_t i = 1; i < request.set.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (request.set[i].field == request.set[j].field) {
        return detail::refusal(Refusal::Code::BadValue,
                               detail::quoted(request.set[i].field) +
                                   " is given twice in one request; give each value once");
      }
    }
  }
  switch (request.kind) {
    case Request::Kind::Start:
      return detail::apply_start(definition, request, who, now, out);
    case Request::Kind::Act:
      return detail::apply_act(definition, instance, request, who, now, out);
    case Request::Kind::Review:
      return detail::apply_review(definition, instance, request, who, now, out);
    case Request::Kind::Recall:
      return detail::apply_recall(definition, instance, request, who, now, out);
    case Request::Kind::Fire:
      return detail::apply_fire(definition, instance, request, who, now, out);
  }
  return detail::refusal(Refusal::Code::UnknownAction, "this kind of request is not known");
}

}  // namespace

std::optional<Refusal> apply_into(const Definition& definition, const Instance& instance,
                                  const Request& request, const Principal& who, Date now,
                                  Step& out) {
  if (&instance != &out.instance) return dispatch(definition, instance, request, who, now, out);
  // The instance to act on is the step's own: it is moved aside (buffers and all) while the
  // step is built, and put back on a refusal. What was set aside stays for the next such call,
  // whose step then reuses its buffers.
  thread_local Instance held;
  std::swap(held, out.instance);
  std::optional<Refusal> refused = dispatch(definition, held, request, who, now, out);
  if (refused) std::swap(held, out.instance);
  return refused;
}

Outcome apply(const Definition& definition, const Instance& instance, const Request& request,
              const Principal& who, Date now) {
  Outcome out{std::in_place};  // the Step built where apply returns it: no move of a Step
  if (auto refused = apply_into(definition, instance, request, who, now, *out))
    out = std::unexpected(std::move(*refused));
  return out;
}

// Guards are not evaluated here: an action whose condition does not hold yet is still listed,
// and taking it says which condition and which values stand in the way.
std::vector<std::string> allowed_actions(const Definition& definition, const Instance& instance,
                                         const Principal& who, Date now) {
  std::vector<std::string> out;
  if (instance.state >= definition.states.size()) return out;
  const StateDef& state = definition.states[instance.state];
  if (state.kind == StateKind::Final || instance.withdrawn) return out;
  for (const ActionDef& a : state.actions) {
    if (std::find(out.begin(), out.end(), a.name) != out.end()) continue;
    const std::optional<std::string> as = detail::acts_as(definition, instance, a.by, who);
    if (!as || detail::four_eyes_block(a, instance, who.user, *as)) continue;
    if (a.window && !detail::in_window(*a.window, now)) continue;
    out.push_back(a.name);
  }
  if (state.review) {
    const detail::ReviewerLookup lookup =
        detail::find_reviewer(definition, instance, *state.review, who);
    // (`recuse`, a declared conflict of interest, is not listed: it is no step of the path.)
    if (lookup.next) out.emplace_back("review");
  }
  if (instance.recall && instance.recall->user == who.user &&
      instance.recall->revision == instance.revision)
    out.emplace_back("recall");
  return out;
}

std::string_view code_name(Refusal::Code code) {
  using C = Refusal::Code;
  switch (code) {
    case C::UnknownAction:
      return "unknown_action";
    case C::WrongRole:
      return "wrong_role";
    case C::GuardFalse:
      return "guard_false";
    case C::MissingField:
      return "missing_field";
    case C::MissingComment:
      return "missing_comment";
    case C::BadValue:
      return "bad_value";
    case C::NotSettable:
      return "not_settable";
    case C::OutsideWindow:
      return "outside_window";
    case C::AlreadyFinal:
      return "already_final";
    case C::StaleRevision:
      return "stale_revision";
    case C::FourEyes:
      return "four_eyes";
    case C::NotReviewer:
      return "not_reviewer";
    case C::AlreadyReviewed:
      return "already_reviewed";
    case C::Tie:
      return "tie";
    case C::EmptyCohort:
      return "empty_cohort";
    case C::Recused:
      return "recused";
    case C::NotOwner:
      return "not_owner";
    case C::StillScoring:
      return "still_scoring";
    case C::WaitForScoring:
      return "wait_for_scoring";
    case C::MixedVersions:
      return "mixed_versions";
    case C::NotRecallable:
      return "not_recallable";
    case C::TimerGone:
      return "timer_gone";
    case C::NoPrevious:
      return "no_previous";
    case C::RouteLoop:
      return "route_loop";
  }
  return "refused";
}

}  // namespace dojang::engine
