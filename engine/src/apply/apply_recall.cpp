// Recall: whoever sent the item on with a recallable action takes it back, as long as nothing
// has happened to it since.

#include "apply/runtime_detail.hpp"

namespace dojang::engine::detail {

std::optional<Refusal> apply_recall(const Definition& def, const Instance& instance,
                                    const Request& request, const Principal& who, Date now,
                                    Step& out) {
  if (auto r = check_open(def, instance, request)) return r;
  if (!request.set.empty())
    return refusal(Refusal::Code::NotSettable, "a recall takes no values: it sets no field");
  if (!instance.recall) {
    return refusal(Refusal::Code::NotRecallable,
                   "there is nothing to recall: the item is in " + state_text(def, instance.state) +
                       ", and either it was not sent there by a recallable action or the next "
                       "step has acted on it since, which closed the chance to recall");
  }
  const RecallWindow& w = *instance.recall;
  if (w.user != who.user) {
    return refusal(Refusal::Code::NotRecallable,
                   "only " + w.user + ", who sent the item on, can recall it");
  }
  if (w.revision != instance.revision) {
    const std::int64_t since = instance.revision - w.revision;
    return refusal(Refusal::Code::NotRecallable,
                   "the next step has already acted on the item: " + std::to_string(since) +
                       (since == 1 ? " step was" : " steps were") +
                       " taken after yours, and it is now in " + state_text(def, instance.state) +
                       "; it can no longer be recalled");
  }
  if (w.back_to >= def.states.size()) {
    return refusal(Refusal::Code::NotRecallable,
                   "the item was sent from a state this procedure does not have");
  }
  Draft draft(def, instance, now, out);
  draft.org = who.organisation;
  draft.event.kind = "recall";
  draft.event.action = "recall";
  draft.event.actor = who.user;
  draft.event.on_behalf_of.clear();
  draft.event.comment = request.comment;
  if (auto r = move_to(draft, w.back_to, Move::Recall)) return r;
  finish_into(draft);
  return std::nullopt;
}

}  // namespace dojang::engine::detail
