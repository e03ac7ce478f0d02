#include "apply_bench.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "dojang/engine/runtime.hpp"
#include "flows.hpp"
#include "review_machine.hpp"

namespace dojang::runtime_bench {

namespace {

constexpr engine::Date kNow{1'700'000'000};

// The rt_review instances the dojang benchmark applies to: for each score, one in draft and one
// in review, made by apply itself outside every timed loop.
struct ReviewSubjects {
  std::shared_ptr<const engine::Definition> definition;
  engine::Principal who{"bench.user", {"author", "reviewer"}, {}, "", nullptr};
  engine::Request submit, approve, reject;
  engine::Instance draft_high, review_high;  // score 70: approve's guard holds
  engine::Instance draft_low, review_low;    // score 30

  ReviewSubjects() : definition(compile_flow(kReviewName, review_flow())) {
    submit.action = "submit";
    approve.action = "approve";
    reject.action = "reject";
    draft_high = start("70");
    review_high = step(draft_high, submit, "review");
    draft_low = start("30");
    review_low = step(draft_low, submit, "review");
  }

  [[nodiscard]] engine::Instance start(const std::string& score) const {
    engine::Request request;
    request.kind = engine::Request::Kind::Start;
    request.new_id = "rt_review-" + score;
    request.set.push_back({"score", score});
    return step(engine::Instance{}, request, "draft");
  }

  // Applies `request` and checks that the instance ends in `expected`.
  [[nodiscard]] engine::Instance step(const engine::Instance& from, const engine::Request& request,
                                      const std::string& expected) const {
    engine::Outcome outcome = engine::apply(*definition, from, request, who, kNow);
    if (!outcome) {
      std::cerr << "bench: rt_review refused '" << request.action
                << "': " << outcome.error().message << "\n";
      std::exit(2);
    }
    if (outcome->instance.state != definition->state_index(expected)) {
      std::cerr << "bench: rt_review '" << request.action << "' ended in " << outcome->event.to
                << ", not " << expected << "\n";
      std::exit(2);
    }
    return std::move(outcome->instance);
  }
};

const ReviewSubjects& subjects() {
  static const ReviewSubjects kSubjects;
  return kSubjects;
}

void expect_msm(const ReviewMachine& machine, int state, const char* after) {
  if (machine.current_state()[0] != state) {
    std::cerr << "bench: the Boost.MSM machine is in state " << machine.current_state()[0]
              << " after " << after << ", not " << state << "\n";
    std::exit(2);
  }
}

void bm_msm(benchmark::State& state) {
  ReviewMachine machine;
  machine.start();
  for (auto _ : state) {
    machine.score = 70;
    benchmark::DoNotOptimize(machine.score);  // the guard must read it
    machine.process_event(Submit{});
    machine.process_event(Approve{});
    machine.process_event(Reopen{});
    machine.process_event(Submit{});
    machine.process_event(Reject{});
    machine.process_event(Reopen{});
    benchmark::ClobberMemory();
  }
  if (machine.refused != 0) state.SkipWithError("an event moved nothing");
  state.SetItemsProcessed(state.iterations() * kMsmTransitionsPerIteration);
}

void bm_dojang(benchmark::State& state) {
  const ReviewSubjects& s = subjects();
  const engine::Definition& def = *s.definition;
  for (auto _ : state) {
    engine::Outcome a = engine::apply(def, s.draft_high, s.submit, s.who, kNow);
    benchmark::DoNotOptimize(a);
    engine::Outcome b = engine::apply(def, s.review_high, s.approve, s.who, kNow);
    benchmark::DoNotOptimize(b);
    engine::Outcome c = engine::apply(def, s.draft_low, s.submit, s.who, kNow);
    benchmark::DoNotOptimize(c);
    engine::Outcome d = engine::apply(def, s.review_low, s.reject, s.who, kNow);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations() * kDojangTransitionsPerIteration);
}

// The same four transitions as a hot loop would take them: Steps reused from call to call, never
// allocated or freed, each submit's Step giving the item for the next request. Two of them, so
// that the item in review is read straight from the submit's Step (no copy or swap outside
// apply_into) while the next Step is written.
void bm_dojang_into(benchmark::State& state) {
  const ReviewSubjects& s = subjects();
  const engine::Definition& def = *s.definition;
  engine::Step submitted, decided;
  int refused = 0;
  for (auto _ : state) {
    refused += engine::apply_into(def, s.draft_high, s.submit, s.who, kNow, submitted).has_value();
    refused +=
        engine::apply_into(def, submitted.instance, s.approve, s.who, kNow, decided).has_value();
    benchmark::DoNotOptimize(decided);
    refused += engine::apply_into(def, s.draft_low, s.submit, s.who, kNow, submitted).has_value();
    refused +=
        engine::apply_into(def, submitted.instance, s.reject, s.who, kNow, decided).has_value();
    benchmark::DoNotOptimize(decided);
  }
  if (refused != 0) state.SkipWithError("apply_into refused a transition");
  state.SetItemsProcessed(state.iterations() * kDojangTransitionsPerIteration);
}

// apply_into with one reused Step gives what apply gives, for each transition the benchmarks take.
void verify_apply_into(const ReviewSubjects& s) {
  engine::Step step;
  const auto same = [&](const engine::Instance& from, const engine::Request& request) {
    const engine::Outcome fresh = engine::apply(*s.definition, from, request, s.who, kNow);
    const std::optional<engine::Refusal> refused =
        engine::apply_into(*s.definition, from, request, s.who, kNow, step);
    if (!fresh || refused || fresh->instance != step.instance || fresh->event != step.event ||
        fresh->waiting_roles != step.waiting_roles || fresh->final != step.final) {
      std::cerr << "bench: apply_into differs from apply on '" << request.action << "'\n";
      std::exit(2);
    }
  };
  for (int round = 0; round < 2; ++round) {
    same(s.draft_high, s.submit);
    same(s.review_high, s.approve);
    same(s.draft_low, s.submit);
    same(s.review_low, s.reject);
  }
}

}  // namespace

void verify_apply() {
  const ReviewSubjects& s = subjects();
  (void)s.step(s.draft_high, s.submit, "review");
  (void)s.step(s.review_high, s.approve, "approved");
  (void)s.step(s.draft_low, s.submit, "review");
  (void)s.step(s.review_low, s.reject, "rejected");
  engine::Outcome refused = engine::apply(*s.definition, s.review_low, s.approve, s.who, kNow);
  if (refused || refused.error().code != engine::Refusal::Code::GuardFalse) {
    std::cerr << "bench: rt_review's approve guard should refuse a score of 30\n";
    std::exit(2);
  }
  verify_apply_into(s);

  ReviewMachine machine;
  machine.start();
  expect_msm(machine, kMsmDraft, "start");
  machine.score = 70;
  machine.process_event(Submit{});
  expect_msm(machine, kMsmReview, "submit");
  machine.process_event(Approve{});
  expect_msm(machine, kMsmApproved, "approve");
  machine.process_event(Reopen{});
  expect_msm(machine, kMsmDraft, "reopen");
  machine.process_event(Submit{});
  machine.process_event(Reject{});
  expect_msm(machine, kMsmRejected, "reject");
  machine.process_event(Reopen{});
  expect_msm(machine, kMsmDraft, "reopen");
  machine.score = 30;
  machine.process_event(Submit{});
  const boost::msm::back::HandledEnum handled = machine.process_event(Approve{});
  expect_msm(machine, kMsmReview, "approve with a score of 30");
  if (handled != boost::msm::back::HANDLED_GUARD_REJECT || machine.refused != 0) {
    std::cerr << "bench: the Boost.MSM guard should refuse a score of 30, and only that\n";
    std::exit(2);
  }
}

void register_apply_benchmarks() {
  benchmark::RegisterBenchmark(std::string(kApplyMsm).c_str(), bm_msm);
  benchmark::RegisterBenchmark(std::string(kApplyDojang).c_str(), bm_dojang);
  benchmark::RegisterBenchmark(std::string(kApplyIntoDojang).c_str(), bm_dojang_into);
}

}  // namespace dojang::runtime_bench
