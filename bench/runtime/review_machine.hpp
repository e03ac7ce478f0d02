#pragma once
// The baseline of the in-memory benchmark: a Boost.MSM state machine of the same shape as
// rt_review (draft -> review -> approved | rejected, approval guarded by score >= 50), plus a
// `Reopen` event from either end back to draft so that one machine can loop.

#include <boost/msm/back/state_machine.hpp>
#include <boost/msm/front/state_machine_def.hpp>

#include <boost/mpl/vector.hpp>

namespace dojang::runtime_bench {

struct Submit {};
struct Approve {};
struct Reject {};
struct Reopen {};

struct ReviewFront : boost::msm::front::state_machine_def<ReviewFront> {
  struct Draft : boost::msm::front::state<> {};
  struct Review : boost::msm::front::state<> {};
  struct Approved : boost::msm::front::state<> {};
  struct Rejected : boost::msm::front::state<> {};
  using initial_state = Draft;

  double score = 0;  // the instance's field the guard reads

  [[nodiscard]] bool enough(const Approve& /*event*/) { return score >= 50; }

  using p = ReviewFront;
  // clang-format off
  struct transition_table : boost::mpl::vector<
      //     from      event    to
      _row  <Draft,    Submit,  Review>,
      g_row <Review,   Approve, Approved, &p::enough>,
      _row  <Review,   Reject,  Rejected>,
      _row  <Approved, Reopen,  Draft>,
      _row  <Rejected, Reopen,  Draft>> {};
  // clang-format on

  int refused = 0;  // events for which the current state has no row (a false guard is not one)

  template <class Fsm, class Event>
  void no_transition(const Event& /*event*/, Fsm& /*fsm*/, int /*state*/) {
    ++refused;
  }
};

using ReviewMachine = boost::msm::back::state_machine<ReviewFront>;

// The index MSM gives each state (the order in which the transition table names them).
inline constexpr int kMsmDraft = 0;
inline constexpr int kMsmReview = 1;
inline constexpr int kMsmApproved = 2;
inline constexpr int kMsmRejected = 3;

}  // namespace dojang::runtime_bench
