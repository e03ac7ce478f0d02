// Review: one committee member's scores (and vote) in the current state's review round; once
// the quorum is reached the item moves on to the review's `then` target.

#include <algorithm>

#include "apply/runtime_detail.hpp"

namespace dojang::engine::detail {

namespace {

using Code = Refusal::Code;

// The member's record in this round (a review given by them or for them), or their declared
// conflict (kept across rounds).
const ReviewRecord* record_of(const Instance& in, Index block, const std::string& member) {
  for (const ReviewRecord& r : in.reviews) {
    if (r.block == block && r.member() == member) return &r;
  }
  return nullptr;
}

// A review `who` gave in this round, for themselves or for someone else.
const ReviewRecord* given_by(const Instance& in, Index block, const std::string& user) {
  for (const ReviewRecord& r : in.reviews) {
    if (r.block == block && r.reviewer == user && !r.recused) return &r;
  }
  return nullptr;
}

std::string criterion_text(const CriterionDef& c) {
  return quoted(c.label.empty() ? c.name : c.label) + " (" + c.name + ")";
}

// Why `member`'s review cannot be given (by themselves, or by `who` standing in), if it cannot.
std::optional<Refusal> excluded(const Instance& in, Index block, const std::string& member,
                                const std::string& who) {
  const bool self = member == who;
  const std::string whose = self ? "you" : member;
  if (!in.submitter.empty() && in.submitter == member) {
    return refusal(Code::FourEyes, (self ? std::string("you submitted this item")
                                         : member + " submitted this item") +
                                       "; a committee member never reviews their own item");
  }
  if (const ReviewRecord* r = record_of(in, block, member)) {
    if (r->recused) {
      return refusal(Code::Recused, whose + (self ? " have" : " has") +
                                        " declared a conflict of interest in this item and " +
                                        (self ? "do" : "does") + " not review it");
    }
    std::string text = self ? "you have already reviewed this item in this round"
                            : member + "'s review is already in for this round";
    if (!r->on_behalf_of.empty()) text += " (given by " + r->reviewer + " standing in)";
    return refusal(Code::AlreadyReviewed, text + "; one review per member");
  }
  return std::nullopt;
}

}  // namespace

ReviewerLookup find_reviewer(const Definition& def, const Instance& instance,
                             const ReviewDef& review, const Principal& who) {
  ReviewerLookup out;
  if (review.role >= def.roles.size()) return out;
  std::vector<Reviewer> holders;
  if (holds(def, review.role, who.roles, instance, who.organisation))
    holders.push_back({who.user, ""});
  for (const Principal::ActingFor& f : who.acting_for) {
    if (!f.user.empty() && f.user != who.user &&
        holds(def, review.role, f.roles, instance, who.organisation))
      holders.push_back({f.user, f.user});
  }
  out.holds_role = !holders.empty();
  if (!out.holds_role) return out;
  // The person giving the review: never on their own item, never after declaring a conflict,
  // and one review per round, their own or an absent member's (대결) — never both.
  if (std::optional<Refusal> r = excluded(instance, review.block, who.user, who.user);
      r && r->code != Code::AlreadyReviewed) {
    out.why_not = std::move(r);
    return out;
  }
  if (const ReviewRecord* given = given_by(instance, review.block, who.user)) {
    out.why_not =
        refusal(Code::AlreadyReviewed,
                "you have already reviewed this item in this round" +
                    (given->on_behalf_of.empty() ? std::string(" (your own review)")
                                                 : " (for " + given->on_behalf_of + ")") +
                    "; one review per person: a deputy gives the absent member's or their own, not "
                    "both");
    return out;
  }
  for (Reviewer& h : holders) {
    std::optional<Refusal> r = excluded(instance, review.block, h.user, who.user);
    if (!r) {
      out.next = std::move(h);
      out.why_not.reset();
      return out;
    }
    if (!out.why_not) out.why_not = std::move(r);
  }
  return out;
}

namespace {

// `recuse`: a member declares a conflict of interest; from then on they do not review the item
// and the quorum is counted among the others. Recorded in the history with the reason.
std::optional<Refusal> apply_recuse(const Definition& def, const Instance& instance,
                                    const Request& request, const Principal& who, Date now,
                                    Step& out) {
  const ReviewDef& review = *def.states[instance.state].review;
  if (!holds(def, review.role, who.roles, instance, who.organisation)) {
    return refusal(Code::NotReviewer, "a conflict of interest is declared by a member of " +
                                          role_text(def, review.role) + " for themselves; " +
                                          principal_text(def, who));
  }
  if (!request.set.empty()) {
    return refusal(Code::NotSettable, "a declared conflict of interest records no scores; " +
                                          quoted(request.set.front().field) + " was given");
  }
  if (trim(request.comment).empty()) {
    return refusal(Code::MissingComment,
                   "declaring a conflict of interest needs a comment saying what it is");
  }
  if (const ReviewRecord* r = record_of(instance, review.block, who.user)) {
    return refusal(r->recused ? Code::Recused : Code::AlreadyReviewed,
                   r->recused ? "you have already declared a conflict of interest in this item"
                              : "your review of this round is already in; a conflict of "
                                "interest is declared before reviewing");
  }
  if (given_by(instance, review.block, who.user)) {
    return refusal(Code::AlreadyReviewed,
                   "you have already given a review in this round for an absent member; a "
                   "conflict of interest is declared before reviewing");
  }
  Draft draft(def, instance, now, out);
  draft.org = who.organisation;
  draft.event.kind = "review";
  draft.event.action = "recuse";
  draft.event.actor = who.user;
  draft.event.comment = request.comment;
  ReviewRecord record;
  record.block = review.block;
  record.reviewer = who.user;
  record.recused = true;
  draft.after.reviews.push_back(std::move(record));
  finish_into(draft);
  return std::nullopt;
}

}  // namespace

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
  if (request.action == "recuse") return apply_recuse(def, instance, request, who, now, out);
  if (!request.action.empty() && request.action != "review") {
    return refusal(Code::UnknownAction,
                   "a review is given or a conflict of interest declared "
                   "(recuse); " +
                       quoted(request.action) + " is neither");
  }
  const ReviewerLookup lookup = find_reviewer(def, instance, review, who);
  if (!lookup.holds_role) {
    return refusal(Refusal::Code::NotReviewer,
                   "the review in " + state_text(def, instance.state) + " is given by the role " +
                       role_text(def, review.role) + "; " + principal_text(def, who));
  }
  if (!lookup.next) {
    if (lookup.why_not) return *lookup.why_not;
    return refusal(Code::AlreadyReviewed, "you have already reviewed this item in this round");
  }

  ReviewRecord record;
  record.block = review.block;
  record.reviewer = who.user;
  record.on_behalf_of = lookup.next->on_behalf_of;
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
    const FieldType score{FieldKind::Score, {}, c->lo, c->hi, c->whole};
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

  draft.org = who.organisation;
  draft.event.kind = "review";
  draft.event.action = "review";
  draft.event.actor = who.user;
  draft.event.on_behalf_of = lookup.next->on_behalf_of;
  draft.event.comment = request.comment;
  for (std::size_t i = 0; i < review.criteria.size(); ++i)
    draft.event.changes.emplace_back("review." + review.criteria[i].name, record.scores[i]);
  if (review.vote) draft.event.changes.emplace_back("review.vote", record.vote);
  draft.after.reviews.push_back(std::move(record));

  const auto count =
      std::count_if(draft.after.reviews.begin(), draft.after.reviews.end(),
                    [&](const ReviewRecord& r) { return r.block == review.block && !r.recused; });
  if (count >= review.quorum && review.then_target != kNone) {
    draft.recompute();
    if (auto r = move_to(draft, review.then_target, Move::Forward)) return r;
  }
  finish_into(draft);
  return std::nullopt;
}

}  // namespace dojang::engine::detail

namespace dojang::engine {

std::vector<ReviewRecord> visible_reviews(const Definition& definition, const Instance& instance,
                                          const Principal& who) {
  std::vector<ReviewRecord> out;
  const ReviewDef* blind = nullptr;  // the blind review under way, if any
  if (instance.state < definition.states.size()) {
    const std::optional<ReviewDef>& review = definition.states[instance.state].review;
    if (review && review->blind) {
      const auto given = std::count_if(
          instance.reviews.begin(), instance.reviews.end(),
          [&](const ReviewRecord& r) { return r.block == review->block && !r.recused; });
      if (given < review->quorum) blind = &*review;
    }
  }
  for (const ReviewRecord& r : instance.reviews) {
    if (blind && r.block == blind->block && !r.recused && r.reviewer != who.user &&
        r.on_behalf_of != who.user)
      continue;
    out.push_back(r);
  }
  return out;
}

}  // namespace dojang::engine
