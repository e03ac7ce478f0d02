// Review: one committee member's scores (and vote) in the current state's review round; once
// the quorum is reached the item moves on to the review's `then` target.

#include <algorithm>

#include "runtime_detail.hpp"

namespace dojang::engine::detail {

namespace {

bool has_reviewed(const Instance& in, Index block, const std::string& user) {
  return std::any_of(in.reviews.begin(), in.reviews.end(),
                     [&](const ReviewRecord& r) { return r.block == block && r.reviewer == user; });
}

std::string criterion_text(const CriterionDef& c) {
  return quoted(c.label.empty() ? c.name : c.label) + " (" + c.name + ")";
}

}  // namespace

ReviewerLookup find_reviewer(const Definition& def, const Instance& instance,
                             const ReviewDef& review, const Principal& who) {
  ReviewerLookup out;
  if (review.role >= def.roles.size()) return out;
  const std::string& role = def.roles[review.role].name;
  std::vector<Reviewer> holders;
  if (std::find(who.roles.begin(), who.roles.end(), role) != who.roles.end())
    holders.push_back({who.user, ""});
  for (const Principal::ActingFor& f : who.acting_for) {
    if (!f.user.empty() && std::find(f.roles.begin(), f.roles.end(), role) != f.roles.end())
      holders.push_back({f.user, f.user});
  }
  out.holds_role = !holders.empty();
  for (Reviewer& h : holders) {
    if (!has_reviewed(instance, review.block, h.user)) {
      out.next = std::move(h);
      break;
    }
  }
  return out;
}

std::optional<Refusal> apply_review(const Definition& def, const Instance& instance,
                                    const Request& request, const Principal& who, Date now,
                                    Step& out) {
  if (auto r = check_open(def, instance, request)) return r;
  const StateDef& state = def.states[instance.state];
  if (!state.review) {
    return refusal(Refusal::Code::UnknownAction,
                   "nothing is reviewed in " + state_text(def, instance.state) +
                       "; a review is given where the procedure holds a committee step");
  }
  const ReviewDef& review = *state.review;
  const ReviewerLookup lookup = find_reviewer(def, instance, review, who);
  if (!lookup.holds_role) {
    return refusal(Refusal::Code::NotReviewer,
                   "the review in " + state_text(def, instance.state) + " is given by the role " +
                       role_text(def, review.role) + "; " + principal_text(def, who));
  }
  if (!lookup.next) {
    return refusal(Refusal::Code::AlreadyReviewed,
                   "you have already reviewed this item in this round (one review per member)");
  }

  ReviewRecord record;
  record.block = review.block;
  record.reviewer = lookup.next->user;
  record.scores.resize(review.criteria.size());
  for (const Assignment& a : request.set) {
    if (review.vote && a.field == "vote") {
      if (trim(a.text).empty()) continue;
      const std::optional<bool> vote = parse_vote(a.text);
      if (!vote) {
        return refusal(Refusal::Code::BadValue,
                       "'vote' needs approve or reject (찬성/반대); " + quoted(a.text) + " is not");
      }
      record.vote = Value{*vote};
      continue;
    }
    const auto c = std::find_if(review.criteria.begin(), review.criteria.end(),
                                [&](const CriterionDef& x) { return x.name == a.field; });
    if (c == review.criteria.end()) {
      std::vector<std::string> names;
      for (const CriterionDef& x : review.criteria) names.push_back(x.name);
      if (review.vote) names.push_back("vote");
      return refusal(
          Refusal::Code::NotSettable,
          quoted(a.field) + " is not asked in this review; it asks: " + join(names, ", "));
    }
    const FieldType score{FieldKind::Score, {}, c->lo, c->hi};
    auto value = parse_value(score, a.text, c->label.empty() ? c->name : c->label);
    if (!value) return refusal(Refusal::Code::BadValue, std::move(value.error()));
    record.scores[static_cast<std::size_t>(c - review.criteria.begin())] = std::move(*value);
  }
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < review.criteria.size(); ++i) {
    if (record.scores[i].is_null()) missing.push_back(criterion_text(review.criteria[i]));
  }
  if (review.vote && record.vote.is_null()) missing.push_back("'vote' (approve or reject)");
  if (!missing.empty()) {
    return refusal(Refusal::Code::MissingField,
                   "a review needs every score: fill in " + join(missing, ", "));
  }

  Draft draft(def, instance, now, out);
  draft.event.kind = "review";
  draft.event.action = "review";
  draft.event.actor = who.user;
  draft.event.on_behalf_of = lookup.next->on_behalf_of;
  draft.event.comment = request.comment;
  for (std::size_t i = 0; i < review.criteria.size(); ++i)
    draft.event.changes.emplace_back("review." + review.criteria[i].name, record.scores[i]);
  if (review.vote) draft.event.changes.emplace_back("review.vote", record.vote);
  draft.after.reviews.push_back(std::move(record));

  const auto count = std::count_if(draft.after.reviews.begin(), draft.after.reviews.end(),
                                   [&](const ReviewRecord& r) { return r.block == review.block; });
  if (count >= review.quorum && review.then_target != kNone) {
    draft.recompute();
    if (auto r = move_to(draft, review.then_target, Move::Forward)) return r;
  }
  finish_into(draft);
  return std::nullopt;
}

}  // namespace dojang::engine::detail
