// Recall: whoever sent the item on with a recallable action takes it back, as long as nothing
// has happened to it since.

#include "runtime_detail.hpp"

namespace dojang::engine::detail {

Outcome apply_recall(const Definition& def, const Instance& instance, const Request& request,
                     const Principal& who, Date now) {
  if (auto r = check_open(def, instance, request)) return std::unexpected(std::move(*r));
  if (!request.set.empty())
    return refuse(Refusal::Code::NotSettable, "a recall takes no values; leave out --set");
  if (!instance.recall) {
    return refuse(Refusal::Code::NotRecallable,
                  "there is nothing to recall: the item was not sent on by a recallable action, "
                  "or something has happened to it since");
  }
  const RecallWindow& w = *instance.recall;
  if (w.user != who.user) {
    return refuse(Refusal::Code::NotRecallable,
                  "only " + w.user + ", who sent the item on, can recall it");
  }
  if (w.revision != instance.revision) {
    return refuse(Refusal::Code::NotRecallable,
                  "the next step has already acted on the item (revision " +
                      std::to_string(instance.revision) + ", sent at revision " +
                      std::to_string(w.revision) + "); it can no longer be recalled");
  }
  if (w.back_to >= def.states.size()) {
    return refuse(Refusal::Code::NotRecallable,
                  "the item was sent from a state this procedure does not have");
  }
  Draft draft(def, instance, now);
  draft.event.kind = "recall";
  draft.event.action = "recall";
  draft.event.actor = who.user;
  draft.event.comment = request.comment;
  if (auto r = move_to(draft, w.back_to, Move::Recall)) return std::unexpected(std::move(*r));
  return finish(draft);
}

}  // namespace dojang::engine::detail
