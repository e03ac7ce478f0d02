// Recall: whoever sent the item on with a recallable action takes it back, as long as nothing
// has happened to it since.

#include "runtime_detail.hpp"

namespace dojang::engine::detail {

std::optional<Refusal> apply_recall(const Definition& def, const Instance& instance,
                                    const Request& request, const Principal& who, Date now,
                                    Step& out) {
  if (auto r = check_open(def, instance, request)) return r;
  if (!request.set.empty())
    return refusal(Refusal::Code::NotSettable, "a recall takes no values; leave out --set");
  if (!instance.recall) {
    return refusal(Refusal::Code::NotRecallable,
                   "there is nothing to recall: the item was not sent on by a recallable action, "
                   "or something has happened to it since");
  }
  const RecallWindow& w = *instance.recall;
  if (w.user != who.user) {
    return refusal(Refusal::Code::NotRecallable,
                   "only " + w.user + ", who sent the item on, can recall it");
  }
  if (w.revision != instance.revision) {
    return refusal(Refusal::Code::NotRecallable,
                   "the next step has already acted on the item (revision " +
                       std::to_string(instance.revision) + ", sent at revision " +
                       std::to_string(w.revision) + "); it can no longer be recalled");
  }
  if (w.back_to >= def.states.size()) {
    return refusal(Refusal::Code::NotRecallable,
                   "the item was sent from a state this procedure does not have");
  }
  Draft draft(def, instance, now, out);
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
